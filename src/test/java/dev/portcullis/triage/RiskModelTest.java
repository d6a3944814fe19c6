package dev.portcullis.triage;

import static dev.portcullis.triage.TestFindings.fixed;
import static dev.portcullis.triage.TestFindings.inKev;
import static dev.portcullis.triage.TestFindings.npm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.match.Finding;
import dev.portcullis.match.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskModelTest {

    private static final Finding HIGH = fixed(npm("lodash", "4.17.15", Map.of()), "CVE-2021-23337", "4.17.21", Level.HIGH);
    private static final Finding LOW = fixed(npm("lodash", "4.17.15", Map.of()), "CVE-2099-0002", "4.17.21", Level.LOW);

    @TempDir
    Path temp;

    @Test
    void shouldStartFromSeverity() {
        Risk risk = RiskModel.defaults().assess(HIGH, new Verdict.Affected("below fix"));

        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(risk.adjustments()).extracting(RiskAdjustment::rule).containsExactly("severity");
    }

    @Test
    void shouldRaiseKevFinding() {
        Risk risk = RiskModel.defaults().assess(inKev(HIGH), new Verdict.Affected("below fix"));

        assertThat(risk.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(risk.adjustments().get(1).reason()).isEqualTo("listed in CISA KEV since 2026-01-02 as exploited in the wild");
    }

    @Test
    void shouldKeepOpenKevFindingAtHighOrAbove() {
        Risk risk = RiskModel.defaults().assess(inKev(LOW), new Verdict.LowRisk(true, "unimportant"));

        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(risk.adjustments()).extracting(RiskAdjustment::rule)
                .containsExactly("severity", "kev", "verdict.low_risk_distro", "kev.floor");
    }

    @Test
    void shouldSetProvenVerdictMinimalEvenInKev() {
        Risk risk = RiskModel.defaults().assess(inKev(HIGH), new Verdict.AlreadyPatched("changelog"));

        assertThat(risk.level()).isEqualTo(RiskLevel.MINIMAL);
    }

    @Test
    void shouldReadUserOverrides() throws Exception {
        Path file = Files.writeString(temp.resolve("risk.yaml"), "kev:\n  raise: 0\n  floor: critical\n");

        Risk risk = new RiskModel(RiskModelConfig.read(file)).assess(inKev(HIGH), new Verdict.Affected("below fix"));

        assertThat(risk.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(risk.adjustments()).extracting(RiskAdjustment::rule).containsExactly("severity", "kev.floor");
    }

    @Test
    void shouldRejectUnknownLevelNamingFile() throws Exception {
        Path file = Files.writeString(temp.resolve("risk.yaml"), "kev:\n  floor: severe\n");

        assertThatThrownBy(() -> RiskModelConfig.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("severe");
    }
}
