package dev.portcullis.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Findings and input warnings of one audit run, findings ordered by file, line and rule id, and repeated
 * warnings kept once.
 */
public record AuditResult(List<Finding> findings, List<AuditWarning> warnings) {

    private static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::subject)
            .thenComparing(Finding::message);

    public AuditResult {
        findings = findings.stream().sorted(ORDER).toList();
        warnings = warnings.stream().distinct().toList();
    }

    public AuditResult merge(AuditResult other) {
        List<Finding> allFindings = new ArrayList<>(findings);
        allFindings.addAll(other.findings);
        List<AuditWarning> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(other.warnings);
        return new AuditResult(allFindings, allWarnings);
    }

    /** Returns true when at least one finding is at or above {@code threshold}. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold));
    }
}
