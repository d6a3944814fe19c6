package dev.portcullis.report.table;

import dev.portcullis.audit.Severity;
import dev.portcullis.image.Skipped;
import dev.portcullis.report.config.ConfigFinding;
import dev.portcullis.report.config.ConfigInput;
import dev.portcullis.report.config.ConfigurationReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the configuration section of a scan report as a plain-text table after the vulnerability
 * table: a count by severity, one row per finding, then the input warnings and the parts not checked.
 *
 * <pre>
 * CONFIGURATION   Findings: 2   high 1, low 1   Checked: Dockerfile Dockerfile, image oci:app
 * SEVERITY  RULE     LOCATION        MESSAGE
 * high      PC-D001  Dockerfile:12   ...
 * </pre>
 */
public final class ConfigurationTableWriter {

    private static final List<String> HEADINGS = List.of("SEVERITY", "RULE", "LOCATION", "MESSAGE");
    private static final int MAX_LOCATION = 60;
    private static final int MAX_MESSAGE = 120;

    public void write(ConfigurationReport report, Writer out) throws IOException {
        List<String> counts = new ArrayList<>();
        for (Map.Entry<Severity, Long> count : report.countBySeverity().entrySet()) {
            if (count.getValue() > 0) {
                counts.add(count.getKey().label() + " " + count.getValue());
            }
        }
        out.write("\nCONFIGURATION   Findings: " + report.findings().size()
                + (counts.isEmpty() ? "" : "   " + String.join(", ", counts))
                + "   Checked: " + (report.checked().isEmpty() ? "nothing" : String.join(", ", report.checked().stream().map(ConfigInput::describe).toList()))
                + "\n");
        if (report.findings().isEmpty()) {
            out.write("No findings.\n");
        } else {
            writeRows(report.findings(), out);
        }
        if (!report.skipped().isEmpty()) {
            out.write("Warnings and parts not checked (" + report.skipped().size() + "):\n");
            for (Skipped skipped : report.skipped()) {
                out.write("  " + skipped.location() + ": " + skipped.reason() + "\n");
            }
        }
    }

    private static void writeRows(List<ConfigFinding> findings, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (ConfigFinding finding : findings) {
            rows.add(List.of(finding.severity().label(), finding.ruleId(), fitEnd(finding.location(), MAX_LOCATION),
                    fit(finding.message(), MAX_MESSAGE)));
        }
        int[] widths = new int[HEADINGS.size() - 1];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
            }
            out.write(line.append(row.getLast()).toString().stripTrailing() + "\n");
        }
    }

    /** Shortens from the start, because the end of a location has the file name and line. */
    private static String fitEnd(String value, int width) {
        return value.length() <= width ? value : "…" + value.substring(value.length() - width + 1);
    }

    private static String fit(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 1) + "…";
    }
}
