package dev.portcullis.lint.format;

import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintResult;
import java.util.List;

/**
 * Renders findings as aligned text, one line each, for a terminal.
 *
 * <p>Example: {@code Dockerfile:3:1  warning  PC-D008 (DL3008)  Pin versions in apt-get install ...}
 */
public final class TableFormatter {

    public String format(List<LintResult> results) {
        StringBuilder out = new StringBuilder();
        int total = 0;
        for (LintResult result : results) {
            int width = result.findings().stream().mapToInt(finding -> finding.location().length()).max().orElse(0);
            for (Finding finding : result.findings()) {
                String ids = finding.rule().id() + finding.rule().hadolintId().filter(id -> !id.equals(finding.rule().id()))
                        .map(id -> " (" + id + ")").orElse("");
                out.append(String.format("%-" + width + "s  %-7s  %-17s  %s%n", finding.location(), finding.severity().label(),
                        ids, finding.message()));
            }
            total += result.findings().size();
        }
        out.append(total == 0 ? "No findings." : total + (total == 1 ? " finding." : " findings.")).append(System.lineSeparator());
        return out.toString();
    }
}
