package dev.portcullis.report.overview;

import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.Severity;
import dev.portcullis.triage.RiskLevel;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.VerdictKind;
import java.util.List;

/** The checklist items that come from the triaged findings and the runtime audit. */
final class FindingChecks {

    private FindingChecks() {}

    static Check noActionableHighRisk(List<TriagedFinding> findings) {
        List<TriagedFinding> actionable = findings.stream()
                .filter(t -> t.verdict().kind() == VerdictKind.AFFECTED || t.verdict().kind() == VerdictKind.UPSTREAM_PENDING)
                .filter(t -> t.risk().level().atLeast(RiskLevel.HIGH))
                .toList();
        if (actionable.isEmpty()) {
            return new Check("no affected finding at high or critical risk", CheckStatus.PASSED,
                    findings.size() + " findings triaged, none affected at high or critical risk", null);
        }
        String ids = String.join(", ", actionable.stream()
                .map(t -> t.finding().id() + " (" + t.finding().pkg().name() + ")").distinct().toList());
        return new Check("no affected finding at high or critical risk", CheckStatus.FAILED,
                actionable.size() + " at high or critical risk: " + ids, "apply the update advice below");
    }

    static Check runtime(AuditResult runtime) {
        if (runtime == null) {
            return new Check("runtime settings hardened", CheckStatus.UNKNOWN, "no compose file given (--compose)", null);
        }
        long serious = runtime.findings().stream()
                .filter(f -> f.severity() == Severity.HIGH || f.severity() == Severity.CRITICAL)
                .count();
        return new Check("runtime settings hardened", serious == 0 ? CheckStatus.PASSED : CheckStatus.FAILED,
                runtime.findings().size() + " audit findings, " + serious + " of them high or critical",
                serious == 0 ? null : "apply the runtime settings listed under runtime hardening");
    }
}
