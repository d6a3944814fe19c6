package dev.portcullis.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCommandTest {

    private static final String RESOURCES = "src/test/resources/dev/portcullis/audit/";
    private static final String SECRETS = RESOURCES + "secrets/";
    private static final List<String> SECRET_VALUES = List.of("ghp_R3dactMeR3dactMeR3dactMeR3dactMe1234",
            "Tr0ub4dor-and-3-horses", "Sup3rS3cretDefault", "UrlPassw0rd99", "xoxb-000000000000-R3dactMeSlack");

    @Test
    void shouldExitWithFindingsForDockerBenchInvocation() {
        AuditCommandRunner result = AuditCommandRunner.run("--format", "json", "--docker-run",
                "docker run --rm --net host --pid host --userns host --cap-add audit_control -v /etc:/etc:ro"
                        + " -v /var/lib:/var/lib:ro -v /var/run/docker.sock:/var/run/docker.sock:ro"
                        + " docker/docker-bench-security");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThatJson(result.out()).inPath("$.findings[*].ruleId").isArray()
                .contains("PC-A002", "PC-A007", "PC-A008", "PC-A011", "PC-A012", "PC-A013");
        assertThatJson(result.out()).inPath("$.findings[0].location.file").isEqualTo("<command line>");
    }

    @Test
    void shouldExitCleanForHardenedRunBelowThreshold() {
        AuditCommandRunner result = AuditCommandRunner.run("--fail-on", "medium", "--docker-run",
                "docker run --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges IMAGE");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).doesNotContain("PC-A003", "PC-A004", "PC-A005", "PC-A002");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --pids-limit 100 | 0 findings: critical 0, high 0, medium 0, low 0, info 0
            ''               | 1 finding: critical 0, high 0, medium 0, low 1, info 0
            """)
    void shouldCountFindingsInSummary(String pidsLimit, String summary) {
        AuditCommandRunner result = AuditCommandRunner.run("--docker-run", "docker run --read-only --tmpfs /tmp"
                + " --cap-drop ALL --security-opt no-new-privileges --memory 256m --cpus 1 " + pidsLimit
                + " --user 1000 --health-cmd true app:1");

        assertThat(result.out()).endsWith(System.lineSeparator() + summary + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"table", "json", "sarif"})
    void shouldNeverPrintFullSecretValue(String format) {
        AuditCommandRunner result = AuditCommandRunner.run("--format", format, "--config", SECRETS + ".portcullis.yaml",
                "--docker-run-file", SECRETS + "run.sh", SECRETS + "compose.yaml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("ghp_****", "Tr0u****", "Sup3****", "UrlP****", "xoxb****");
        for (String secret : SECRET_VALUES) {
            assertThat(result.out()).as(format + " output").doesNotContain(secret);
            assertThat(result.err()).doesNotContain(secret);
        }
        assertThat(result.out()).doesNotContain("ALLOWED_PASSWORD");
    }

    @Test
    void shouldPointSarifResultAtComposeLine() {
        AuditCommandRunner result = AuditCommandRunner.run("--format", "sarif", SECRETS + "compose.yaml");

        assertThatJson(result.out()).inPath("$.version").isEqualTo("2.1.0");
        assertThatJson(result.out()).inPath("$.runs[0].results[?(@.ruleId == 'PC-A025')].locations[0]"
                + ".physicalLocation").isArray().contains(
                        "{\"artifactLocation\": {\"uri\": \"" + SECRETS + "compose.yaml\"},"
                                + " \"region\": {\"startLine\": 6, \"startColumn\": 7}}");
        assertThatJson(result.out()).inPath("$.runs[0].tool.driver.rules[*].id").isArray().contains("PC-A025", "PC-A026");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bad/not-yaml.yaml", "bad/anchor-bomb.yaml", "bad/required-variable.yaml"})
    void shouldExitWithUsableMessageOnBadCompose(String file) {
        AuditCommandRunner result = AuditCommandRunner.run(RESOURCES + "compose/" + file);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("portcullis: error: " + RESOURCES + "compose/" + file + ":")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldWarnButAuditFileWithUnknownKey() {
        AuditCommandRunner result = AuditCommandRunner.run("--fail-on", "high", RESOURCES + "compose/bad/unknown-key.yaml");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(RESOURCES + "compose/bad/unknown-key.yaml:5: unknown top-level key servcies"
                + " is ignored");
    }

    @Test
    void shouldAuditDaemonConfig() {
        AuditCommandRunner result = AuditCommandRunner.run("--format", "json", "--daemon-config",
                RESOURCES + "daemon/defaults.json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThatJson(result.out()).inPath("$.summary").isEqualTo(
                "{\"critical\": 0, \"high\": 2, \"medium\": 3, \"low\": 1, \"info\": 1}");
    }

    @Test
    void shouldRejectCallWithoutInput() {
        AuditCommandRunner result = AuditCommandRunner.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("portcullis: error: nothing to audit: give COMPOSE_FILE, --docker-run,"
                + " --docker-run-file, --daemon-config or --image" + System.lineSeparator());
    }

    @Test
    void shouldRejectUnknownSeverity() {
        AuditCommandRunner result = AuditCommandRunner.run("--fail-on", "urgent", "--docker-run", "docker run app");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid severity 'urgent': expected one of critical, high, medium, low, info");
    }
}
