package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageException;
import dev.portcullis.match.Level;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.report.cyclonedx.CycloneDxVexWriter;
import dev.portcullis.report.json.TriageJsonWriter;
import dev.portcullis.report.openvex.OpenVexWriter;
import dev.portcullis.report.sarif.SarifWriter;
import dev.portcullis.report.table.TriageTableWriter;
import dev.portcullis.triage.TriageResult;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portcullis scan IMAGE}: catalogs the image and, when a vulnerability database is present,
 * matches and triages its findings, then prints the triaged report or the inventory.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Catalog the packages of an image, match and triage their vulnerabilities when a"
                + " database is present, and print the report.")
final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "The image to scan (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = ScanFormat.Converter.class,
            completionCandidates = ScanFormat.Labels.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal, json otherwise)."
                    + " openvex, cyclonedx-vex and sarif need a vulnerability database.")
    ScanFormat format;

    @Mixin
    OutputOptions output;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Mixin
    TriageOptions triageOptions;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        ScanFormat chosen = format != null ? format : output.toTerminal() ? ScanFormat.TABLE : ScanFormat.JSON;
        TriageRunner.Outcome outcome = scan();
        Inventory inventory = outcome.inventory();
        TriageResult triage = outcome.triage();
        if (triage == null) {
            if (chosen.needsTriage()) {
                throw new UsageException("format " + chosen + " reports triaged findings and needs a vulnerability"
                        + " database; run 'portcullis db update' or pass --db");
            }
            output.write(out -> inventoryFormat(chosen).writer().write(inventory, out));
            return ExitCode.OK;
        }
        TriageWriter writer = triageWriter(chosen);
        if (writer != null) {
            output.write(out -> writer.write(inventory, triage, out));
        } else {
            output.write(out -> inventoryFormat(chosen).writer().write(inventory, out));
        }
        return gate(triage);
    }

    private TriageRunner.Outcome scan() throws ImageException {
        var options = imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet()));
        InventoryScanner scanner = new InventoryScanner(options, imageOptions.toLocator());
        return new TriageRunner(triageOptions, Clock.systemUTC()).run(scanner, image);
    }

    private int gate(TriageResult triage) {
        if (triageOptions.failOn != null && triage.anyAtOrAbove(triageOptions.failOn)) {
            return ExitCode.FINDINGS;
        }
        Level severity = triageOptions.failOnSeverity;
        if (severity != null && triage.findings().stream()
                .anyMatch(f -> f.finding().level() != Level.UNKNOWN && f.finding().level().ordinal() <= severity.ordinal())) {
            return ExitCode.FINDINGS;
        }
        return ExitCode.OK;
    }

    private static TriageWriter triageWriter(ScanFormat format) {
        return switch (format) {
            case TABLE -> new TriageTableWriter();
            case JSON -> new TriageJsonWriter();
            case OPENVEX -> new OpenVexWriter();
            case CYCLONEDX_VEX -> new CycloneDxVexWriter();
            case SARIF -> new SarifWriter();
            case CYCLONEDX, SPDX -> null;
        };
    }

    private static InventoryFormat inventoryFormat(ScanFormat format) {
        return switch (format) {
            case TABLE -> InventoryFormat.TABLE;
            case CYCLONEDX -> InventoryFormat.CYCLONEDX;
            case SPDX -> InventoryFormat.SPDX;
            case JSON, OPENVEX, CYCLONEDX_VEX, SARIF -> InventoryFormat.JSON;
        };
    }
}
