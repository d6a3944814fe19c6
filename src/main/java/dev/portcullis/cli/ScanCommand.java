package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.Skipped;
import dev.portcullis.match.Level;
import dev.portcullis.match.MatchResult;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.report.cyclonedx.CycloneDxVexWriter;
import dev.portcullis.report.json.TriageJsonWriter;
import dev.portcullis.report.openvex.OpenVexWriter;
import dev.portcullis.report.sarif.SarifWriter;
import dev.portcullis.report.table.FindingOrder;
import dev.portcullis.report.table.TriageTableWriter;
import dev.portcullis.triage.TriageResult;
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

/**
 * {@code portcullis scan IMAGE}: catalogs the image and, when a vulnerability database is present,
 * matches and triages its findings, then prints the triaged report or, without a database, the
 * inventory.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Catalog, match and triage the packages of an image.",
            "",
            "Catalogs the packages of an image, matches them against the local vulnerability database, triages "
                    + "the findings with evidence and prints the report. With no database the packages are listed "
                    + "alone."
        })
final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "The image to scan (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = ScanFormat.Converter.class,
            completionCandidates = ScanFormat.Labels.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal, json otherwise)."
                    + " openvex, cyclonedx-vex and sarif need a vulnerability database.")
    ScanFormat format;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "severity",
            description = "Order of the findings table without triage: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    FindingOrder sort;

    @Mixin
    final ScanMixin shared;

    ScanCommand() {
        this.shared = new ScanMixin();
    }

    /** Creates the command with a fixed environment, home folder and clock, for tests. */
    ScanCommand(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.shared = new ScanMixin(environment, home, clock, err);
    }

    @Override
    public Integer call() throws Exception {
        shared.logging.apply();
        ScanFormat chosen = format != null ? format : shared.output.toTerminal() ? ScanFormat.TABLE : ScanFormat.JSON;
        try (DatabaseOpener opener = shared.databaseOpener()) {
            Optional<VulnDatabase> database = opener.open(shared.logging.quiet());
            if (database.isEmpty()) {
                if (chosen.needsTriage()) {
                    throw new UsageException("format " + chosen + " reports triaged findings and needs a"
                            + " vulnerability database; run `portcullis db update` or pass --db");
                }
                Inventory inventory = shared.scanner().scan(image);
                shared.output.write(out -> inventoryFormat(chosen).write(new ScanReport(inventory, null), sort, out));
                return ExitCode.OK;
            }
            try (VulnDatabase db = database.get()) {
                TriageRunner.Outcome outcome = shared.triageRunner().run(shared.scanner(), image, db);
                Inventory inventory = withMatchSkipped(outcome.inventory(), outcome.matches());
                TriageResult triage = outcome.triage();
                TriageWriter writer = triageWriter(chosen);
                if (writer != null) {
                    shared.output.write(out -> writer.write(inventory, triage, out));
                } else {
                    shared.output.write(out -> inventoryFormat(chosen).write(new ScanReport(inventory, outcome.matches()),
                            sort, out));
                }
                return gate(triage);
            }
        }
    }

    private int gate(TriageResult triage) {
        if (shared.triageOptions.failOn != null && triage.anyAtOrAbove(shared.triageOptions.failOn)) {
            return ExitCode.FINDINGS;
        }
        Level severity = shared.triageOptions.failOnSeverity;
        if (severity != null && triage.findings().stream().anyMatch(f -> f.finding().level() != Level.UNKNOWN
                && f.finding().level().ordinal() <= severity.ordinal())) {
            return ExitCode.FINDINGS;
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
