package dev.portcullis.triage;

import dev.portcullis.triage.vex.VexStatement;
import java.util.List;

/**
 * The triaged findings of one scan, and the statements that did not apply.
 *
 * @param findings one entry per finding, in the order given
 * @param unmatchedStatements VEX statements and decisions that matched no finding
 * @param expiredDecisions analyst decisions past their expiry date, which no longer apply
 */
public record TriageResult(List<TriagedFinding> findings, List<VexStatement> unmatchedStatements,
        List<VexStatement> expiredDecisions) {

    public TriageResult {
        findings = List.copyOf(findings);
        unmatchedStatements = List.copyOf(unmatchedStatements);
        expiredDecisions = List.copyOf(expiredDecisions);
    }

    /** Returns whether any finding's risk level is at or above the level. */
    public boolean anyAtOrAbove(RiskLevel level) {
        return findings.stream().anyMatch(finding -> finding.risk().level().atLeast(level));
    }
}
