package dev.portcullis.audit.output;

import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the audit result as a plain-text table, one finding a row, then the input warnings and a count by
 * severity.
 *
 * <pre>{@code
 * SEVERITY  RULE     LOCATION          SUBJECT  MESSAGE
 * critical  PC-A001  compose.yaml:4    web      the container runs privileged: ...
 * }</pre>
 */
public final class AuditTableWriter implements AuditWriter {

    private static final String[] HEADER = {"SEVERITY", "RULE", "LOCATION", "SUBJECT", "MESSAGE"};

    @Override
    public void write(AuditResult result, Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Finding finding : result.findings()) {
            String location = finding.location().toString()
                    + (finding.layerIndex() >= 0 ? " (layer " + finding.layerIndex() + ")" : "");
            rows.add(new String[] {finding.severity().label(), finding.rule().id(), location, finding.subject(),
                    finding.message()});
        }
        int[] widths = new int[HEADER.length - 1];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        if (result.findings().isEmpty()) {
            out.write("No findings.\n");
        } else {
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
                }
                out.write(line.append(row[row.length - 1]).append('\n').toString());
            }
        }
        if (!result.warnings().isEmpty()) {
            out.write("\nWarnings:\n");
            for (AuditWarning warning : result.warnings()) {
                out.write("  " + warning + "\n");
            }
        }
        int total = result.findings().size();
        StringBuilder summary = new StringBuilder("\n").append(total).append(total == 1 ? " finding:" : " findings:");
        for (Severity severity : Severity.values()) {
            long count = result.findings().stream().filter(f -> f.severity() == severity).count();
            summary.append(' ').append(severity.label()).append(' ').append(count).append(',');
        }
        summary.setLength(summary.length() - 1);
        out.write(summary.append('\n').toString());
    }
}
