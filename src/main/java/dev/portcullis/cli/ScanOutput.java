package dev.portcullis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.report.config.ConfigurationReport;
import dev.portcullis.report.cyclonedx.CycloneDxVexWriter;
import dev.portcullis.report.json.ConfigurationJson;
import dev.portcullis.report.json.TriageJsonWriter;
import dev.portcullis.report.openvex.OpenVexWriter;
import dev.portcullis.report.sarif.ConfigurationSarif;
import dev.portcullis.report.sarif.SarifWriter;
import dev.portcullis.report.table.ConfigurationTableWriter;
import dev.portcullis.report.table.FindingOrder;
import dev.portcullis.report.table.TriageTableWriter;
import dev.portcullis.triage.TriageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the report of {@code scan} in the chosen format. The table, JSON and SARIF carry the configuration
 * findings next to the vulnerabilities; OpenVEX, CycloneDX and SPDX have no field for them, so a warning
 * names how many are left out.
 */
final class ScanOutput {

    private static final Logger LOG = LoggerFactory.getLogger(ScanOutput.class);

    private final ScanFormat format;
    private final FindingOrder order;

    ScanOutput(ScanFormat format, FindingOrder order) {
        this.format = format;
        this.order = order;
    }

    /** Writes a scan without a vulnerability database: the packages and the configuration findings. */
    void writeInventory(ScanReport report, OutputStream out) throws IOException {
        InventoryFormat inventoryFormat = inventoryFormat();
        if (inventoryFormat != InventoryFormat.TABLE && inventoryFormat != InventoryFormat.JSON) {
            warnLeftOut(report.configuration());
        }
        inventoryFormat.write(report, order, out);
    }

    /** Writes a scan with a vulnerability database: the triaged findings and the configuration findings. */
    void writeTriaged(ScanReport report, TriageResult triage, OutputStream out) throws IOException {
        Inventory inventory = report.inventory();
        ConfigurationReport configuration = report.configuration();
        switch (format) {
            case TABLE -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                new TriageTableWriter().write(inventory, triage, writer);
                new ConfigurationTableWriter().write(configuration, writer);
                writer.flush();
            }
            case JSON -> new ConfigurationJson().write(new TriageJsonWriter().document(inventory, triage),
                    configuration, out);
            case SARIF -> {
                ObjectNode document = new SarifWriter().document(inventory, triage);
                new ConfigurationSarif().addTo((ObjectNode) document.path("runs").get(0), configuration);
                out.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
                out.write('\n');
                out.flush();
            }
            case OPENVEX -> {
                warnLeftOut(configuration);
                new OpenVexWriter().write(inventory, triage, out);
            }
            case CYCLONEDX_VEX -> {
                warnLeftOut(configuration);
                new CycloneDxVexWriter().write(inventory, triage, out);
            }
            case CYCLONEDX, SPDX -> {
                warnLeftOut(configuration);
                inventoryFormat().write(report, order, out);
            }
        }
    }

    private void warnLeftOut(ConfigurationReport configuration) {
        if (!configuration.findings().isEmpty()) {
            LOG.warn("The {} format has no field for configuration findings, so {} are left out; use --format"
                    + " table, json or sarif to see them", format, configuration.findings().size());
        }
    }

    private InventoryFormat inventoryFormat() {
        return switch (format) {
            case TABLE -> InventoryFormat.TABLE;
            case CYCLONEDX -> InventoryFormat.CYCLONEDX;
            case SPDX -> InventoryFormat.SPDX;
            case JSON, OPENVEX, CYCLONEDX_VEX, SARIF -> InventoryFormat.JSON;
        };
    }
}
