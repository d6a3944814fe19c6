package dev.portcullis.report.table;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.VerdictKind;
import dev.portcullis.triage.vex.VexStatement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes triaged findings as a plain-text table grouped by verdict, actionable verdicts first, each
 * group sorted by risk level then id. {@code KEV} follows the risk level of a CVE in the CISA Known
 * Exploited Vulnerabilities catalog:
 *
 * <pre>
 * Image: oci:demo:1.0   Findings: 3   affected 2, upstream_pending 1
 *
 * AFFECTED (2)
 * RISK      ID              PACKAGE  VERSION         REASON
 * high KEV  CVE-2023-4911   libc6    2.36-9+deb12u1  upgrade libc6 to 2.36-9+deb12u3
 * high      CVE-2021-23337  lodash   4.17.15         upgrade lodash to 4.17.21
 * </pre>
 */
public final class TriageTableWriter implements TriageWriter {

    private static final List<VerdictKind> ORDER = List.of(VerdictKind.AFFECTED, VerdictKind.UPSTREAM_PENDING,
            VerdictKind.LOW_RISK, VerdictKind.ALREADY_PATCHED, VerdictKind.NOT_AFFECTED);
    private static final List<String> HEADINGS = List.of("RISK", "ID", "PACKAGE", "VERSION", "REASON");
    private static final int MAX_WIDTH = 40;
    private static final int MAX_REASON = 100;

    @Override
    public void write(Inventory inventory, TriageResult result, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(inventory, result, writer);
        writer.flush();
    }

    public void write(Inventory inventory, TriageResult result, Writer out) throws IOException {
        List<String> counts = new ArrayList<>();
        for (VerdictKind kind : ORDER) {
            long count = result.findings().stream().filter(f -> f.verdict().kind() == kind).count();
            if (count > 0) {
                counts.add(kind.label() + " " + count);
            }
        }
        out.write("Image: " + inventory.image().reference() + "   Findings: " + result.findings().size()
                + (counts.isEmpty() ? "" : "   " + String.join(", ", counts)) + "\n");
        if (result.findings().isEmpty()) {
            out.write("\nNo findings.\n");
        }
        for (VerdictKind kind : ORDER) {
            List<TriagedFinding> group = result.findings().stream()
                    .filter(f -> f.verdict().kind() == kind)
                    .sorted(Comparator.comparing((TriagedFinding f) -> f.risk().level())
                            .thenComparing(f -> f.finding().id())
                            .thenComparing(f -> f.finding().pkg().name()))
                    .toList();
            if (!group.isEmpty()) {
                out.write("\n" + kind.name() + " (" + group.size() + ")\n");
                writeRows(out, group.stream().map(TriageTableWriter::row).toList());
            }
        }
        writeStatements(out, "VEX statements that matched no finding", result.unmatchedStatements());
        writeStatements(out, "Expired decisions, no longer applied", result.expiredDecisions());
    }

    private static List<String> row(TriagedFinding triaged) {
        String reason = triaged.advice() != null ? triaged.advice() : triaged.verdict().reason();
        String risk = triaged.risk().level().label() + (triaged.finding().inKev() ? " KEV" : "");
        return List.of(risk, triaged.finding().id(), triaged.finding().pkg().name(),
                triaged.finding().installedVersion(), reason);
    }

    private static void writeRows(Writer out, List<List<String>> rows) throws IOException {
        int[] widths = new int[HEADINGS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADINGS.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], Math.min(limit(i), row.get(i).length()));
            }
        }
        writeRow(out, HEADINGS, widths);
        for (List<String> row : rows) {
            writeRow(out, row, widths);
        }
    }

    private static void writeRow(Writer out, List<String> row, int[] widths) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = fit(row.get(i), limit(i));
            line.append(cell);
            if (i < row.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.write(line.toString().stripTrailing() + "\n");
    }

    private static int limit(int column) {
        return column == HEADINGS.size() - 1 ? MAX_REASON : MAX_WIDTH;
    }

    private static String fit(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 1) + "…";
    }

    private static void writeStatements(Writer out, String title, List<VexStatement> statements) throws IOException {
        if (statements.isEmpty()) {
            return;
        }
        out.write("\n" + title + ":\n");
        for (VexStatement statement : statements) {
            out.write("  " + statement.label() + (statement.expires() != null ? " (expired " + statement.expires() + ")"
                    : "") + "\n");
        }
    }
}
