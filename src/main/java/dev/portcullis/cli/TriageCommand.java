package dev.portcullis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.match.MatchResult;
import dev.portcullis.report.json.TriageJsonWriter;
import dev.portcullis.report.table.TriageTableWriter;
import dev.portcullis.triage.AdvisoryLookup;
import dev.portcullis.triage.RiskLevel;
import dev.portcullis.triage.imported.ReportedFinding;
import dev.portcullis.triage.imported.ReportedFindings;
import dev.portcullis.triage.imported.ScannerReportException;
import dev.portcullis.triage.imported.ScannerReportReader;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portcullis triage --report FILE IMAGE}: triages the findings of a Trivy or Grype JSON report
 * against the image, so a team keeps its scanner and gains the verdicts. A finding whose package the
 * image does not contain is listed as not matched.
 */
@Command(
        name = "triage",
        mixinStandardHelpOptions = true,
        description = {
            "Triage the findings of a Trivy or Grype JSON report against the image.",
            "Each finding gets a verdict with its evidence. Findings for packages that the image does not contain"
                    + " are listed as not matched."
        })
final class TriageCommand implements Callable<Integer> {

    /** The output formats of the triaged report. */
    enum Format { TABLE, JSON }

    @Parameters(paramLabel = "IMAGE", description = "The image the report is about (see 'portcullis --help').")
    String image;

    @Option(names = "--report", paramLabel = "FILE", required = true,
            description = "Trivy (--format json) or Grype (-o json) report to triage.")
    Path report;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    final ScanMixin shared;

    TriageCommand() {
        this.shared = new ScanMixin();
    }

    /** Creates the command with a fixed environment, home folder and clock, for tests. */
    TriageCommand(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.shared = new ScanMixin(environment, home, clock, err);
    }

    @Override
    public Integer call() throws Exception {
        shared.logging.apply();
        DockerRunLine.require(shared.triageOptions);
        List<ReportedFinding> reported;
        try {
            reported = new ScannerReportReader().read(report);
        } catch (ScannerReportException e) {
            throw new UsageException(e.getMessage(), e);
        }
        try (DatabaseOpener opener = shared.databaseOpener();
                VulnDatabase database = opener.open(shared.logging.quiet()).orElse(null)) {
            // The distro's status words sharpen the verdicts, but the report's own data is enough to triage.
            AdvisoryLookup advisories = database != null ? database::byId : AdvisoryLookup.none();
            AtomicReference<List<ReportedFinding>> notMatched = new AtomicReference<>(List.of());
            TriageRunner.Outcome outcome = shared.triageRunner().run(
                    shared.scanner(), image, advisories, inventory -> {
                        ReportedFindings.Mapping mapping = ReportedFindings.map(reported, inventory);
                        notMatched.set(mapping.notMatched());
                        return new MatchResult(mapping.findings(), List.of());
                    });
            notMatched.get().forEach(finding -> shared.err().println("warning: " + finding.label() + " from " + report
                    + " is not matched: the image contains no such package"));
            switch (format) {
                case TABLE -> shared.output.write(out -> {
                    new TriageTableWriter().write(outcome.inventory(), outcome.triage(), out);
                    writeNotMatched(notMatched.get(), out);
                });
                case JSON -> shared.output.write(out -> {
                    ObjectNode document = new TriageJsonWriter().document(outcome.inventory(), outcome.triage());
                    ArrayNode list = document.putArray("notMatched");
                    for (ReportedFinding finding : notMatched.get()) {
                        list.add(new ObjectMapper().valueToTree(finding));
                    }
                    out.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
                    out.write('\n');
                });
            }
            RiskLevel failOn = shared.triageOptions.failOn;
                boolean failed = failOn != null && outcome.triage().anyAtOrAbove(failOn);
            return failed ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    private static void writeNotMatched(List<ReportedFinding> notMatched, OutputStream out) throws java.io.IOException {
        if (notMatched.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("\nNOT MATCHED (" + notMatched.size() + "): the image contains no such"
                + " package\n");
        for (ReportedFinding finding : notMatched) {
            text.append(finding.id()).append("  ").append(finding.packageName()).append("  ")
                    .append(finding.installedVersion()).append("  (").append(finding.scanner()).append(")\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
