package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.Skipped;
import dev.portcullis.match.MatchResult;
import dev.portcullis.match.Matcher;
import dev.portcullis.report.table.FindingOrder;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portcullis scan IMAGE}: catalogs the image, matches its packages against the vulnerability database and prints both. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Catalog the packages of an image, match them against the local vulnerability database and print",
            "the inventory with the findings. With no database the packages are listed alone."
        })
final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "The image to scan (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal, json otherwise).")
    InventoryFormat format;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "severity",
            description = "Order of the findings table: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FindingOrder sort;

    @Mixin
    DatabaseOptions databaseOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Mixin
    LoggingOptions logging;

    private final Map<String, String> environment;
    private final Path home;
    private final Clock clock;
    private final PrintStream err;

    ScanCommand() {
        this(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(), System.err);
    }

    /** Creates the command with a fixed environment, home folder and clock, for tests. */
    ScanCommand(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.environment = environment;
        this.home = home;
        this.clock = clock;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        logging.apply();
        try (DatabaseOpener opener = new DatabaseOpener(databaseOptions, environment, home, clock, err)) {
            Optional<VulnDatabase> database = opener.open(logging.quiet());
            try {
                Inventory inventory = scan();
                MatchResult matches = database.map(db -> new Matcher(db).match(inventory)).orElse(null);
                ScanReport report = new ScanReport(withMatchSkipped(inventory, matches), matches);
                InventoryFormat chosen = format != null ? format
                        : output.toTerminal() ? InventoryFormat.TABLE : InventoryFormat.JSON;
                output.write(out -> chosen.write(report, sort, out));
            } finally {
                database.ifPresent(VulnDatabase::close);
            }
        }
        return ExitCode.OK;
    }

    // Records that could not be compared join the inventory's skipped list, so every format reports them.
    private static Inventory withMatchSkipped(Inventory inventory, MatchResult matches) {
        if (matches == null || matches.skipped().isEmpty()) {
            return inventory;
        }
        List<Skipped> skipped = new ArrayList<>(inventory.skipped());
        skipped.addAll(matches.skipped());
        return new Inventory(inventory.image(), inventory.distro(), inventory.packages(), skipped, inventory.scannedAt(),
                inventory.toolVersion());
    }

    private Inventory scan() throws ImageException {
        var options = imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet()));
        return new InventoryScanner(options, imageOptions.toLocator()).scan(image);
    }
}
