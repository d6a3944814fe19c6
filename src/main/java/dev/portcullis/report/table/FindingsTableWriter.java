package dev.portcullis.report.table;

import dev.portcullis.match.Finding;
import dev.portcullis.match.Level;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes findings as a plain-text table after the package table: a count per severity, then one
 * row per package and vulnerability, with the status words the source used.
 *
 * <pre>
 * Vulnerabilities: 3 (high 1, low 1, negligible 1)   In KEV: 1
 *
 * PACKAGE  VERSION          VULNERABILITY   SEVERITY  STATUS                          KEV  LAYER
 * libc6    2.36-9+deb12u14  CVE-2023-4911   high      no fix (unfixed)                yes  #0 a2318d6c47ec
 * lodash   4.17.15          CVE-2020-8203   high      fixed in 4.17.19                -    #2 e4fd2a1c8b0d
 * apt      2.6.2            CVE-2011-3374   negligible no fix (unfixed), unimportant  -    #0 a2318d6c47ec
 * </pre>
 */
public final class FindingsTableWriter {

    private static final List<String> HEADINGS =
            List.of("PACKAGE", "VERSION", "VULNERABILITY", "SEVERITY", "STATUS", "KEV", "LAYER");

    private final TableWriter cells;

    public FindingsTableWriter(TableWriter cells) {
        this.cells = cells;
    }

    /** Writes the table with {@code \n} line ends and leaves the writer open. */
    public void write(List<Finding> findings, FindingOrder order, Writer out) throws IOException {
        out.write(summaryLine(findings));
        out.write("\n\n");
        if (findings.isEmpty()) {
            out.write("No vulnerabilities found.\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Finding finding : findings.stream().sorted(order.comparator()).toList()) {
                rows.add(row(finding));
            }
            cells.writeRows(out, HEADINGS, rows);
        }
    }

    static String summaryLine(List<Finding> findings) {
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        findings.forEach(finding -> counts.merge(finding.level(), 1, Integer::sum));
        String byLevel = counts.entrySet().stream()
                .map(entry -> entry.getKey().word() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        long kev = findings.stream().filter(Finding::inKev).count();
        return "Vulnerabilities: " + findings.size() + (byLevel.isEmpty() ? "" : " (" + byLevel + ")")
                + "   In KEV: " + kev;
    }

    private List<String> row(Finding finding) {
        return List.of(cells.fit(finding.pkg().name()), cells.fit(finding.installedVersion()), cells.fit(finding.id()),
                finding.level().word(), finding.statusWords(), finding.inKev() ? "yes" : "-",
                cells.fit(TableWriter.layer(finding.layer())));
    }
}
