package dev.portcullis.triage;

import static dev.portcullis.triage.TestFindings.fixed;
import static dev.portcullis.triage.TestFindings.inKev;
import static dev.portcullis.triage.TestFindings.npm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.match.Finding;
import dev.portcullis.match.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageTest {

    private static final Finding LODASH = fixed(npm("lodash", "4.17.15", Map.of()), "CVE-2021-23337", "4.17.21",
            Level.HIGH);
    private static final TriageContext NONE = new TriageContext(null, null, null, null, null);

    @Test
    void shouldPickFirstVerdictInOrderAndMarkItsEvidence() {
        EvidenceCollector pending = (finding, context) -> List.of(Observation.verdict(
                new Verdict.UpstreamPending(PendingReason.NO_FIX_RELEASED, "pending"),
                Evidence.of(EvidenceKind.DISTRO_STATUS, "test", "unfixed")));
        EvidenceCollector distroLowRisk = (finding, context) -> List.of(Observation.verdict(
                new Verdict.LowRisk(true, "unimportant"), Evidence.of(EvidenceKind.DISTRO_STATUS, "test", "unimportant")));
        EvidenceCollector contextLowRisk = (finding, context) -> List.of(Observation.verdict(
                new Verdict.LowRisk(false, "no port"), Evidence.of(EvidenceKind.CVSS, "test", "no port")));

        TriagedFinding triaged = new Triage(List.of(contextLowRisk, pending, distroLowRisk), null, RiskModel.defaults())
                .triage(LODASH, NONE);

        assertThat(triaged.verdict()).isEqualTo(new Verdict.LowRisk(true, "unimportant"));
        assertThat(triaged.deciding()).extracting(Evidence::fact).containsExactly("unimportant");
        assertThat(triaged.evidence()).extracting(Evidence::fact)
                .containsExactly("unimportant", "4.17.15 < 4.17.21", "no port", "unfixed");
    }

    @Test
    void shouldDefaultToAffectedDecidedByMatch() {
        TriagedFinding triaged = new Triage(List.of(), null, RiskModel.defaults()).triage(LODASH, NONE);

        assertThat(triaged.verdict()).isEqualTo(new Verdict.Affected("lodash 4.17.15 is below the fixed version 4.17.21"));
        assertThat(triaged.deciding()).extracting(Evidence::kind).containsExactly(EvidenceKind.MATCH);
    }

    @Test
    void shouldNeverLowerKevFindingThroughContext() {
        EvidenceCollector contextLowRisk = (finding, context) -> List.of(Observation.verdict(
                new Verdict.LowRisk(false, "no port"), Evidence.of(EvidenceKind.CVSS, "test", "no port")));

        TriagedFinding triaged = new Triage(List.of(contextLowRisk), null, RiskModel.defaults())
                .triage(inKev(LODASH), NONE);

        assertThat(triaged.verdict().kind()).isEqualTo(VerdictKind.AFFECTED);
        assertThat(triaged.risk().level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(triaged.evidence()).extracting(Evidence::fact)
                .contains("no port; not applied, because the vulnerability is in CISA KEV");
    }

    @Test
    void shouldAdviseHighestFixAcrossPackageFindings() {
        var pkg = npm("lodash", "4.17.15", Map.of());
        List<Finding> findings = List.of(fixed(pkg, "CVE-2020-8203", "4.17.19", Level.HIGH),
                fixed(pkg, "CVE-2021-23337", "4.17.21", Level.HIGH), fixed(pkg, "CVE-2019-10744", "4.17.12", Level.HIGH));

        TriageResult result = new Triage(List.of(), null, RiskModel.defaults()).triage(findings, NONE);

        assertThat(result.findings()).extracting(TriagedFinding::advice).containsOnly("upgrade lodash to 4.17.21");
    }
}
