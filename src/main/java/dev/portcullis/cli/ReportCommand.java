package dev.portcullis.cli;

import dev.portcullis.base.BaseImageChecker;
import dev.portcullis.base.BaseInputException;
import dev.portcullis.base.BaseReport;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.report.overview.BaseImages;
import dev.portcullis.report.overview.HtmlOverviewWriter;
import dev.portcullis.report.overview.MarkdownOverviewWriter;
import dev.portcullis.report.overview.Overview;
import dev.portcullis.triage.RiskLevel;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Parameters;

/**
 * {@code portcullis report IMAGE --format markdown|html}: scans and triages the image, then writes the
 * security overview: the base image's support status, why the warnings appear, what the build does, the findings by verdict with their
 * evidence, runtime hardening, a risk table, update advice and a checklist. The build and hardening
 * sections show the same configuration findings that {@code scan} reports.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the security overview of an image as Markdown or self-contained HTML.",
            "The overview covers the base image's support status, the findings by verdict with their evidence,"
                    + " the build and runtime checks, a risk table, update advice and a checklist."
        })
final class ReportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    /** The overview's output formats. */
    enum OverviewFormat { MARKDOWN, HTML }

    @Parameters(paramLabel = "IMAGE", description = "The image to report on (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "markdown",
            description = "Output format: markdown or html (default: ${DEFAULT-VALUE}).")
    OverviewFormat format;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Judge the base image's support phases on this date, YYYY-MM-DD (default: today, UTC).")
    String asOf;

    @Mixin
    final ScanMixin shared;

    private final Clock clock;

    ReportCommand() {
        this.shared = new ScanMixin();
        this.clock = Clock.systemUTC();
    }

    /** Creates the command with a fixed environment, home folder and clock, for tests. */
    ReportCommand(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.shared = new ScanMixin(environment, home, clock, err);
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        shared.logging.apply();
        DockerRunLine.require(shared.triageOptions);
        LocalDate date = date();
        ConfigurationChecks checks = ConfigurationChecks.before(shared.triageOptions, shared.environment());
        try (DatabaseOpener opener = shared.databaseOpener()) {
            Optional<VulnDatabase> database = opener.open(shared.logging.quiet());
            if (database.isEmpty()) {
                throw new UsageException("the overview reports triaged findings and needs a vulnerability database;"
                        + " run `portcullis db update` or pass --db");
            }
            try (VulnDatabase db = database.get()) {
                TriageRunner.Outcome outcome = shared.triageRunner().run(shared.scanner(checks), image, db);
                BaseImages baseImages = baseImages(db, checks.dockerfile(), outcome.inventory(), date);
                Overview overview = Overview.of(outcome.inventory(), outcome.triage(), checks.dockerfile(),
                        checks.report(), baseImages);
                switch (format) {
                    case MARKDOWN -> shared.output.write(out -> new MarkdownOverviewWriter().write(overview, out));
                    case HTML -> shared.output.write(out -> new HtmlOverviewWriter().write(overview, out));
                }
                RiskLevel failOn = shared.triageOptions.failOn;
                boolean failed = failOn != null && outcome.triage().anyAtOrAbove(failOn);
                return failed ? ExitCode.FINDINGS : ExitCode.OK;
            }
        }
    }

    /**
     * Judges the base images of the Dockerfile when one was given, else the base the image's labels,
     * distro and runtime binaries name, as {@code portcullis base} does.
     */
    private BaseImages baseImages(VulnDatabase db, Dockerfile dockerfile, Inventory inventory, LocalDate date) {
        BaseImageChecker checker = new BaseImageChecker(db);
        BaseReport report;
        if (dockerfile != null) {
            try {
                report = checker.check(dockerfile, Map.of(), date);
            } catch (BaseInputException e) {
                LOG.warn("{}; judging the base from the image instead", e.getMessage());
                report = checker.check(BaseCommand.imageFacts(image, inventory), date);
            }
        } else {
            report = checker.check(BaseCommand.imageFacts(image, inventory), date);
        }
        return BaseImages.of(report, checker.productsWithoutData(report));
    }

    private LocalDate date() {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new UsageException("invalid --as-of date " + asOf + ": write it as YYYY-MM-DD, for example 2026-12-04");
        }
    }
}
