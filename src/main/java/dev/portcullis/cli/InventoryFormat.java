package dev.portcullis.cli;

import dev.portcullis.report.cyclonedx.VulnerabilityBomWriter;
import dev.portcullis.report.json.ConfigurationJson;
import dev.portcullis.report.json.InventoryJsonWriter;
import dev.portcullis.report.table.FindingOrder;
import dev.portcullis.report.table.ConfigurationTableWriter;
import dev.portcullis.report.table.FindingsTableWriter;
import dev.portcullis.report.table.TableWriter;
import dev.portcullis.sbom.cyclonedx.CycloneDxWriter;
import dev.portcullis.sbom.spdx.SpdxWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Output formats of {@code scan}. SPDX has no vulnerability section, so it carries the packages only.
 * Only the table and JSON carry the configuration findings, because the SBOM formats have no field for them.
 */
enum InventoryFormat {
    TABLE,
    JSON,
    CYCLONEDX,
    SPDX;

    void write(ScanReport report, FindingOrder order, OutputStream out) throws IOException {
        var inventory = report.inventory();
        var matches = report.matches();
        switch (this) {
            case TABLE -> writeTable(report, order, out);
            case JSON -> new ConfigurationJson().write(
                    new InventoryJsonWriter().document(inventory, matches == null ? null : matches.findings()),
                    report.configuration(), out);
            case CYCLONEDX -> {
                if (matches == null) {
                    new CycloneDxWriter().write(inventory, out);
                } else {
                    new VulnerabilityBomWriter().write(inventory, matches.findings(), out);
                }
            }
            case SPDX -> new SpdxWriter().write(inventory, out);
        }
    }

    private static void writeTable(ScanReport report, FindingOrder order, OutputStream out) throws IOException {
        TableWriter table = new TableWriter();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        table.write(report.inventory(), writer);
        if (report.matches() != null) {
            writer.write("\n");
            new FindingsTableWriter(table).write(report.matches().findings(), order, writer);
        }
        new ConfigurationTableWriter().write(report.configuration(), writer);
        writer.flush();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
