package dev.portcullis.cli;

import dev.portcullis.audit.AuditConfig;
import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.Auditor;
import dev.portcullis.audit.compose.ComposeOptions;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.report.overview.HtmlOverviewWriter;
import dev.portcullis.report.overview.MarkdownOverviewWriter;
import dev.portcullis.report.overview.Overview;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.IOException;
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
 * evidence, runtime hardening, a risk table, update advice and a checklist.
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
    DatabaseOptions databaseOptions;

    @Mixin
    TriageOptions triageOptions;

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

    ReportCommand() {
        this(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(), System.err);
    }

    /** Creates the command with a fixed environment, home folder and clock, for tests. */
    ReportCommand(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.environment = environment;
        this.home = home;
        this.clock = clock;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        logging.apply();
        Dockerfile dockerfile = dockerfile();
        AuditResult runtime = runtime();
        try (DatabaseOpener opener = new DatabaseOpener(databaseOptions, environment, home, clock, err)) {
            Optional<VulnDatabase> database = opener.open(logging.quiet());
            if (database.isEmpty()) {
                throw new UsageException("the overview reports triaged findings and needs a vulnerability database;"
                        + " run `portcullis db update` or pass --db");
            }
            try (VulnDatabase db = database.get()) {
                var options = imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet()));
                TriageRunner.Outcome outcome = new TriageRunner(triageOptions, clock)
                        .run(new InventoryScanner(options, imageOptions.toLocator()), image, db);
                Overview overview = Overview.of(outcome.inventory(), outcome.triage(), dockerfile, runtime);
                switch (format) {
                    case MARKDOWN -> output.write(out -> new MarkdownOverviewWriter().write(overview, out));
                    case HTML -> output.write(out -> new HtmlOverviewWriter().write(overview, out));
                }
                boolean failed = triageOptions.failOn != null && outcome.triage().anyAtOrAbove(triageOptions.failOn);
                return failed ? ExitCode.FINDINGS : ExitCode.OK;
            }
        }
    }

    private Dockerfile dockerfile() {
        if (triageOptions.dockerfile == null) {
            return null;
        }
        try {
            return new DockerfileReader().read(triageOptions.dockerfile);
        } catch (IOException e) {
            throw new UsageException("cannot read Dockerfile " + triageOptions.dockerfile + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new UsageException("invalid Dockerfile " + triageOptions.dockerfile + ": " + e.getMessage(), e);
        }
    }

    private AuditResult runtime() {
        if (triageOptions.compose.isEmpty()) {
            return null;
        }
        try {
            return new Auditor(AuditConfig.defaults()).auditCompose(triageOptions.compose, ComposeOptions.defaults());
        } catch (AuditInputException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
