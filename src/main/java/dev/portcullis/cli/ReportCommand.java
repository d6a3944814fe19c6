package dev.portcullis.cli;

import dev.portcullis.report.overview.HtmlOverviewWriter;
import dev.portcullis.report.overview.MarkdownOverviewWriter;
import dev.portcullis.report.overview.Overview;
import dev.portcullis.triage.RiskLevel;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portcullis report IMAGE --format markdown|html}: scans and triages the image, then writes the
 * security overview: why the warnings appear, what the build does, the findings by verdict with their
 * evidence, runtime hardening, a risk table, update advice and a checklist. The build and hardening
 * sections show the same configuration findings that {@code scan} reports.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the security overview of an image as Markdown or self-contained HTML: the findings by verdict",
            "with evidence, the build and runtime checks, a risk table, update advice and a checklist."
        })
final class ReportCommand implements Callable<Integer> {

    /** The overview's output formats. */
    enum OverviewFormat { MARKDOWN, HTML }

    @Parameters(paramLabel = "IMAGE", description = "The image to report on (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "markdown",
            description = "Output format: markdown or html (default: ${DEFAULT-VALUE}).")
    OverviewFormat format;

    @Mixin
    final ScanMixin shared;

    ReportCommand() {
        this.shared = new ScanMixin();
    }

    /** Creates the command with a fixed environment, home folder and clock, for tests. */
    ReportCommand(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.shared = new ScanMixin(environment, home, clock, err);
    }

    @Override
    public Integer call() throws Exception {
        shared.logging.apply();
        ConfigurationChecks checks = ConfigurationChecks.before(shared.triageOptions, shared.environment());
        try (DatabaseOpener opener = shared.databaseOpener()) {
            Optional<VulnDatabase> database = opener.open(shared.logging.quiet());
            if (database.isEmpty()) {
                throw new UsageException("the overview reports triaged findings and needs a vulnerability database;"
                        + " run `portcullis db update` or pass --db");
            }
            try (VulnDatabase db = database.get()) {
                TriageRunner.Outcome outcome = shared.triageRunner().run(shared.scanner(checks), image, db);
                Overview overview = Overview.of(outcome.inventory(), outcome.triage(), checks.dockerfile(),
                        checks.report());
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
}
