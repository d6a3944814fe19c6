package dev.portcullis.cli;

import dev.portcullis.base.BaseImageAssessment;
import dev.portcullis.base.BaseImageChecker;
import dev.portcullis.base.BaseInputException;
import dev.portcullis.cli.db.DatabaseFile;
import dev.portcullis.base.BaseReport;
import dev.portcullis.base.ImageFacts;
import dev.portcullis.base.ImageFamily;
import dev.portcullis.base.RuntimeBinaries;
import dev.portcullis.base.RuntimeVersion;
import dev.portcullis.base.UpstreamChecker;
import dev.portcullis.base.VulnerabilityDelta;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.runtime.NodeRuntimeCataloger;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageException;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.vulndb.DatabaseLocation;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis base IMAGE|DOCKERFILE}: judges the base image's runtime line and distro release
 * for end of life and newer patches, from the lifecycle data in the vulnerability database. With
 * {@code --registry-check} it also queries the base's registry for newer tags and rebuilds, and with
 * {@code --compare-to} it compares the vulnerabilities of the base and another image.
 * Exit codes: 0 nothing at or above {@code --fail-on}, 1 something is, 2 unusable input.
 */
@Command(name = "base", mixinStandardHelpOptions = true,
        description = "Check the base image of a Dockerfile or an image for end of life and newer patches.")
public final class BaseCommand implements Callable<Integer> {

    /** The {@code --fail-on} thresholds. */
    enum FailOn { eol, outdated }

    /** Output formats. */
    enum Format { table, json }

    // Warns at the same database age as scan's --max-db-age default.
    private static final long DEFAULT_MAX_DB_AGE_DAYS = 7;

    private static final Pattern DOCKERFILE_NAME = Pattern.compile("(?i).*(dockerfile|containerfile).*");

    @Parameters(paramLabel = "IMAGE|DOCKERFILE",
            description = "A Dockerfile, or an image (see 'portcullis --help'). A file named like *Dockerfile* or"
                    + " holding text is read as a Dockerfile.")
    String target;

    @Option(names = "--db", paramLabel = "PATH",
            description = "Database file, or a folder of feed files to import into a temporary database for this"
                    + " check (default: $PORTCULLIS_DB, else $XDG_CACHE_HOME or ~/.cache, then portcullis/vuln.db).")
    Path database;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Judge support phases on this date, YYYY-MM-DD (default: today, UTC).")
    String asOf;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit with 1 when a base image is at end of life (eol), or at end of life, behind a newer patch"
                    + " or rebuilt upstream since its pinned digest (outdated).")
    FailOn failOn;

    @Option(names = "--build-arg", paramLabel = "NAME=VALUE",
            description = "Set a build argument for a Dockerfile, replacing the default of its ARG (repeatable).")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--registry-check",
            description = "Ask the registry of each base image for newer tags of the same variant and, when the"
                    + " reference or the image's base digest label pins a digest, whether the tag was rebuilt since.")
    boolean registryCheck;

    @Option(names = "--compare-to", paramLabel = "IMAGE",
            description = "Scan the base image of the final stage (for an image: its base name label, else the image"
                    + " itself) and this image against the vulnerability database, and report the vulnerabilities"
                    + " fixed, added and unchanged by moving. IMAGE is a registry reference or a local image.")
    String compareTo;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    private final Clock clock;
    private final Map<String, String> environment;
    private final Path home;

    public BaseCommand() {
        this(Clock.systemUTC(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Creates the command with a fixed clock and environment, for tests. */
    BaseCommand(Clock clock, Map<String, String> environment, Path home) {
        this.clock = clock;
        this.environment = environment;
        this.home = home;
    }

    @Override
    public Integer call() {
        logging.apply();
        LocalDate date = date();
        BaseReport report;
        try (DatabaseOpener opener = databaseOpener();
                VulnDatabase db = opener.open(logging.quiet()).orElseThrow(() -> new UsageException(
                        "no vulnerability database at " + DatabaseLocation.resolve(database, environment, home) + ": "
                                + DatabaseFile.BUILD_ADVICE))) {
            BaseImageChecker checker = new BaseImageChecker(db);
            report = isDockerfile() ? checker.check(readDockerfile(), buildArgs, date) : checker.check(readImage(), date);
            Set<String> unjudged = checker.productsWithoutData(report);
            if (failOn != null && !unjudged.isEmpty()) {
                throw new UsageException("--fail-on " + failOn + " cannot judge " + String.join(", ", unjudged)
                        + ": the database has no lifecycle data for them. Run `portcullis db update`, or"
                        + " `portcullis db import` with the release data (for example examples/vulndb)");
            }
            if (registryCheck) {
                try (RegistryBaseLookup lookup = new RegistryBaseLookup(imageOptions.toRegistryOptions())) {
                    report = new UpstreamChecker(lookup).check(report);
                }
            }
            if (compareTo != null) {
                report = compare(report, db);
            }
        } catch (BaseInputException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot read the vulnerability database: " + e.getMessage(), e);
        }
        try {
            write(format == Format.json ? new BaseReportJson().format(report) : new BaseReportTable().format(report));
        } catch (IOException e) {
            throw new UsageException("writing the report failed: " + e.getMessage(), e);
        }
        if (!failing(report)) {
            return ExitCode.OK;
        }
        if (!logging.quiet()) {
            spec.commandLine().getErr().println("portcullis: --fail-on " + failOn + ": "
                    + (failOn == FailOn.eol ? "a base image is at end of life" : "a base image is outdated")
                    + ", so the exit code is 1");
        }
        return ExitCode.FINDINGS;
    }

    /** Opens the --db file, or imports a --db folder of feed files into a temporary database. */
    private DatabaseOpener databaseOpener() {
        DatabaseOptions options = new DatabaseOptions();
        options.database = database;
        options.maxAgeDays = DEFAULT_MAX_DB_AGE_DAYS;
        return new DatabaseOpener(options, environment, home, clock, System.err);
    }

    private void write(String text) throws IOException {
        if (output.output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        output.write(stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds the vulnerability difference of moving the final stage's base image to {@code --compare-to}. */
    private BaseReport compare(BaseReport report, VulnDatabase db) {
        if (report.images().isEmpty()) {
            throw new UsageException("--compare-to " + compareTo + ": " + report.input()
                    + " names no external base image to compare with");
        }
        int last = report.images().size() - 1;
        BaseImageAssessment image = report.images().get(last);
        String current = image.reference() != null ? image.reference() : target;
        if (current.contains("$")) {
            throw new UsageException("--compare-to " + compareTo + ": the base image " + current
                    + " uses a build argument without a default; pass it with --build-arg");
        }
        VulnerabilityDelta delta;
        try {
            delta = new BaseComparer(scanner(), db).compare(current, compareTo);
        } catch (ImageException e) {
            throw new UsageException(e.getMessage(), e);
        }
        List<BaseImageAssessment> images = new ArrayList<>(report.images());
        images.set(last, image.withComparison(delta));
        return report.withImages(images);
    }

    private InventoryScanner scanner() {
        return new InventoryScanner(imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet())),
                imageOptions.toLocator());
    }

    private LocalDate date() {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of " + asOf + " is not a date: write it as YYYY-MM-DD, for example 2026-12-04");
        }
    }

    private boolean failing(BaseReport report) {
        if (failOn == null) {
            return false;
        }
        return failOn == FailOn.eol ? report.hasEndOfLife() : report.hasOutdated();
    }

    /** Tests whether the target is a Dockerfile: a file named like one, or a regular file that is not a tar or gzip archive. */
    private boolean isDockerfile() {
        Path path = Path.of(target);
        if (DOCKERFILE_NAME.matcher(path.getFileName() == null ? target : path.getFileName().toString()).matches()) {
            return !Files.isDirectory(path);
        }
        return Files.isRegularFile(path) && !isArchive(path);
    }

    private static boolean isArchive(Path path) {
        try (var in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(262);
            boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            boolean tar = head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
            return gzip || tar;
        } catch (IOException e) {
            // An unreadable file is reported when it is read as a Dockerfile.
            return false;
        }
    }

    private Dockerfile readDockerfile() {
        Path path = Path.of(target);
        try {
            return new DockerfileReader().read(path);
        } catch (NoSuchFileException e) {
            throw new UsageException(target + ": file not found; pass the path of a Dockerfile or an image");
        } catch (IOException e) {
            throw new UsageException(target + ": cannot read the file (" + e.getMessage() + "); check its permissions");
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ImageFacts readImage() {
        Inventory inventory;
        try {
            inventory = scanner().scan(target);
        } catch (ImageException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return imageFacts(target, inventory);
    }

    /** Gathers the facts of a base check from a scan of the image; {@code report} uses it too. */
    static ImageFacts imageFacts(String image, Inventory inventory) {
        var config = inventory.image().config() == null ? ImageConfig.empty() : inventory.image().config();
        var sourcePackages = inventory.packages().stream()
                .filter(pkg -> pkg.type() == PackageType.DEB)
                .map(BaseCommand::sourceName)
                .distinct().sorted().toList();
        var distro = inventory.distro();
        return ImageFacts.fromImage(image, config.labels(), config.env(),
                distro.isKnown() ? distro.id() : null, distro.isKnown() ? distro.versionId() : null,
                runtimeBinaries(inventory), sourcePackages);
    }

    /** Returns the runtime versions read from the Node.js binaries and the Go toolchain the scan found. */
    private static List<RuntimeVersion> runtimeBinaries(Inventory inventory) {
        List<RuntimeBinaries.Found> found = new ArrayList<>();
        for (Package pkg : inventory.packages()) {
            String path = pkg.locations().isEmpty() ? null : pkg.locations().getFirst();
            if (NodeRuntimeCataloger.NAME.equals(pkg.foundBy())) {
                found.add(new RuntimeBinaries.Found(RuntimeBinaries.Kind.NODE_BINARY, pkg.version(), path));
            } else if (pkg.type() == PackageType.GOLANG && pkg.name().equals("stdlib")) {
                found.add(new RuntimeBinaries.Found(RuntimeBinaries.Kind.GO_STDLIB, pkg.version(), path));
            }
        }
        return RuntimeBinaries.of(found);
    }

    private static String sourceName(Package pkg) {
        return pkg.source() == null ? pkg.name() : pkg.source().name();
    }
}
