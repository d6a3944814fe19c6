package dev.portcullis.report.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.lint.RuleInfo;
import dev.portcullis.lint.dockerfile.SourceRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFindingTest {

    @ParameterizedTest(name = "lint {0} is {1}")
    @CsvSource({"ERROR, HIGH", "WARNING, MEDIUM", "INFO, LOW", "STYLE, INFO"})
    void shouldPutLintSeverityOnAuditScale(dev.portcullis.lint.Severity lint, Severity expected) {
        RuleInfo rule = new RuleInfo("PC-D002", Optional.of("DL3002"), Optional.of("4.1"), Optional.empty(), lint,
                "Do not switch to root as the last USER", true);
        var finding = new dev.portcullis.lint.Finding(rule, lint, "Last USER is root", "app/Dockerfile",
                SourceRange.at(7, 1));

        ConfigFinding folded = ConfigFinding.ofLint(finding);

        assertThat(folded.severity()).isEqualTo(expected);
        assertThat(folded.toolSeverity()).isEqualTo(lint.label());
        assertThat(folded.origin()).isEqualTo(ConfigOrigin.DOCKERFILE);
        assertThat(folded.references()).containsExactly("CIS Docker 4.1", "Hadolint DL3002");
        assertThat(folded.location()).isEqualTo("app/Dockerfile:7");
        assertThat(folded.helpUri()).endsWith("/docs/rules/PC-D002.md");
    }

    @Test
    void shouldKeepAuditRuleFacts() {
        Finding finding = Finding.of(AuditRule.PRIVILEGED, "web", new SourceLocation("compose.yaml", 4, 5),
                "the container runs privileged");

        ConfigFinding folded = ConfigFinding.ofAudit(ConfigOrigin.COMPOSE, finding);

        assertThat(folded.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(folded.references()).containsExactly("CIS Docker 5.4", "KICS: Privileged Containers Enabled");
        assertThat(folded.fix()).isEqualTo(AuditRule.PRIVILEGED.fix());
        assertThat(folded.location()).isEqualTo("compose.yaml:4");
        assertThat(folded.isPathInImage()).isFalse();
    }

    @Test
    void shouldTellImagePathFromImageReference() {
        SourceLocation reference = SourceLocation.of("oci:app");
        ConfigFinding config = ConfigFinding.ofAudit(ConfigOrigin.IMAGE,
                Finding.of(AuditRule.NO_HEALTHCHECK, "oci:app", reference, "the image has no HEALTHCHECK"));
        ConfigFinding layer = ConfigFinding.ofAudit(ConfigOrigin.IMAGE,
                Finding.of(AuditRule.SETUID_FILE, "oci:app", SourceLocation.of("/usr/bin/su"), "setuid").inLayer(0));

        assertThat(config.isPathInImage()).isFalse();
        assertThat(layer.isPathInImage()).isTrue();
        assertThat(layer.location()).isEqualTo("/usr/bin/su (layer 0)");
    }

    @Test
    void shouldOrderReportByOriginFileAndLine() {
        ConfigFinding image = ConfigFinding.ofAudit(ConfigOrigin.IMAGE, Finding.of(AuditRule.NO_HEALTHCHECK, "oci:app",
                SourceLocation.of("oci:app"), "the image has no HEALTHCHECK"));
        ConfigFinding late = ConfigFinding.ofAudit(ConfigOrigin.COMPOSE, Finding.of(AuditRule.HOST_PID, "web",
                new SourceLocation("compose.yaml", 9, 5), "pid host"));
        ConfigFinding early = ConfigFinding.ofAudit(ConfigOrigin.COMPOSE, Finding.of(AuditRule.PRIVILEGED, "web",
                new SourceLocation("compose.yaml", 4, 5), "privileged"));

        ConfigurationReport report = new ConfigurationReport(List.of(), List.of(image, late, early), List.of());

        assertThat(report.findings()).containsExactly(early, late, image);
        assertThat(report.countBySeverity().get(Severity.HIGH)).isEqualTo(1);
        assertThat(report.anyAtOrAbove(Severity.CRITICAL)).isTrue();
        assertThat(report.findings(ConfigOrigin.COMPOSE)).containsExactly(early, late);
    }
}
