package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.report.json.InventoryJsonWriter;
import dev.portcullis.triage.DemoTriage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Runs {@code scan} with the configuration inputs as a user would: the demo image
 * ({@code ../shared/fixtures/images/demo-nest-api/oci}), the database {@link DemoTriage} imports from
 * {@code ../shared/vulndata}, and the real Dockerfile and compose file of the NestJS boilerplate project
 * ({@code ../shared/fixtures/lint/real/nestjs-boilerplate__Dockerfile} and
 * {@code nestjs-boilerplate__docker-compose.yaml}).
 */
class ScanConfigurationCommandTest {

    private static final String DEMO = DemoTriage.IMAGE;
    private static final String DOCKERFILE = "../shared/fixtures/lint/real/nestjs-boilerplate__Dockerfile";
    private static final String COMPOSE = "../shared/fixtures/lint/real/nestjs-boilerplate__docker-compose.yaml";
    private static final String HARDENED_RUN =
            "docker run --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges IMAGE";
    private static final String DOCKER_BENCH_RUN = "docker run --rm --net host --pid host --userns host"
            + " --cap-add audit_control -v /var/lib:/var/lib:ro -v /var/run/docker.sock:/var/run/docker.sock:ro"
            + " docker/docker-bench-security";
    private static final List<String> HARDENING_RULES = List.of("PC-A002", "PC-A003", "PC-A004", "PC-A005");
    private static final String SECRETS = "src/test/resources/dev/portcullis/";
    private static final List<String> SECRET_VALUES = List.of("ghp_R3dactMeR3dactMeR3dactMeR3dactMe1234",
            "Tr0ub4dor-and-3-horses", "Sup3rS3cretDefault", "UrlPassw0rd99");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static String database;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeAll
    static void importDatabase() throws Exception {
        database = DemoTriage.database(shared).toString();
    }

    @BeforeEach
    void captureStreams() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void shouldFoldLintAndComposeFindingsIntoJson() throws Exception {
        int exit = Main.run("scan", DEMO, "--db", database, "--format", "json", "--quiet", "--dockerfile", DOCKERFILE,
                "--compose", COMPOSE, "--service", "adminer");

        assertThat(exit).as(err()).isEqualTo(ExitCode.OK);
        JsonNode root = JSON.readTree(stdout.toByteArray());
        JsonNode configuration = root.path("configuration");
        assertThat(places(configuration)).contains(
                "dockerfile PC-D018 " + DOCKERFILE + ":3",
                "dockerfile PC-D016 " + DOCKERFILE + ":4",
                "dockerfile PC-D003 " + DOCKERFILE + ":7",
                "dockerfile PC-D901 " + DOCKERFILE + ":21",
                "compose PC-A023 " + COMPOSE + ":22",
                "compose PC-A017 " + COMPOSE + ":24",
                "compose PC-A025 " + COMPOSE + ":27");
        JsonNode cdInRun = finding(configuration, "PC-D003");
        assertThat(cdInRun.path("severity").asText()).isEqualTo("medium");
        assertThat(cdInRun.path("toolSeverity").asText()).isEqualTo("warning");
        assertThat(cdInRun.path("references").toString()).contains("Hadolint DL3003");
        assertThat(cdInRun.path("fix").isTextual()).isTrue();
        JsonNode secret = finding(configuration, "PC-A025");
        assertThat(secret.path("subject").asText()).isEqualTo("adminer");
        assertThat(secret.path("references").toString()).contains("CIS Docker 4.10");
        assertThat(secret.path("message").asText()).doesNotContain("strong-password");
        assertThat(configuration.path("checked").toString()).contains(
                "{\"origin\":\"dockerfile\",\"name\":\"" + DOCKERFILE + "\"}",
                "{\"origin\":\"compose\",\"name\":\"" + COMPOSE + "\"}",
                "{\"origin\":\"image\",\"name\":\"" + DEMO + "\"}");
        assertThat(configuration.path("skipped").toString())
                .contains("variable APP_PORT is not set; it is read as an empty string");
        assertThat(root.path("findings").size()).isPositive();
        assertThat(schemaErrors(root)).isEmpty();
    }

    @Test
    void shouldPointSarifResultsAtFileLines() throws Exception {
        int exit = Main.run("scan", DEMO, "--db", database, "--format", "sarif", "--quiet", "--dockerfile", DOCKERFILE,
                "--compose", COMPOSE, "--service", "adminer", "--docker-run", HARDENED_RUN);

        assertThat(exit).as(err()).isEqualTo(ExitCode.OK);
        JsonNode runs = JSON.readTree(stdout.toByteArray()).path("runs");
        assertThat(runs.size()).isEqualTo(1);
        List<String> results = new ArrayList<>();
        List<String> logical = new ArrayList<>();
        for (JsonNode result : runs.get(0).path("results")) {
            JsonNode logicalLocation = result.path("locations").get(0).path("logicalLocations").path(0);
            if (!logicalLocation.isMissingNode()) {
                logical.add(result.path("ruleId").asText() + " " + logicalLocation.path("fullyQualifiedName").asText());
            }
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            results.add(result.path("ruleId").asText() + " " + physical.path("artifactLocation").path("uri").asText()
                    + ":" + physical.path("region").path("startLine").asInt());
        }
        assertThat(results).contains("PC-D003 " + DOCKERFILE + ":7", "PC-D018 " + DOCKERFILE + ":3",
                "PC-A025 " + COMPOSE + ":27", "PC-A017 " + COMPOSE + ":24", "PC-A029 usr/bin/su:0");
        assertThat(results).anySatisfy(result -> assertThat(result).startsWith("CVE-2021-23337 "));
        assertThat(logical).contains("PC-A020 --docker-run", "PC-A024 " + DEMO);
        JsonNode rules = runs.get(0).path("tool").path("driver").path("rules");
        JsonNode lintRule = null;
        for (JsonNode rule : rules) {
            if (rule.path("id").asText().equals("PC-D003")) {
                lintRule = rule;
            }
        }
        assertThat(lintRule).isNotNull();
        assertThat(lintRule.path("helpUri").asText()).endsWith("/docs/rules/PC-D003.md");
        assertThat(lintRule.path("properties").path("references").toString()).contains("Hadolint DL3003");
    }

    @Test
    void shouldPassHardeningDockerRun() throws Exception {
        List<String> rules = dockerRunRules(HARDENED_RUN);

        assertThat(rules).doesNotContainAnyElementsOf(HARDENING_RULES);
        assertThat(rules).contains("PC-A020");
    }

    @Test
    void shouldFlagDockerBenchRun() throws Exception {
        List<String> rules = dockerRunRules(DOCKER_BENCH_RUN);

        assertThat(rules).containsAll(HARDENING_RULES);
        assertThat(rules).contains("PC-A007", "PC-A008", "PC-A011", "PC-A012", "PC-A013");
    }

    @Test
    void shouldAuditImageWithoutOptions() throws Exception {
        int exit = Main.run("scan", DEMO, "--skip-db", "--format", "json", "--quiet");

        assertThat(exit).as(err()).isEqualTo(ExitCode.OK);
        JsonNode root = JSON.readTree(stdout.toByteArray());
        JsonNode configuration = root.path("configuration");
        assertThat(configuration.path("checked").toString())
                .isEqualTo("[{\"origin\":\"image\",\"name\":\"" + DEMO + "\"}]");
        List<String> messages = new ArrayList<>();
        for (JsonNode finding : configuration.path("findings")) {
            messages.add(finding.path("ruleId").asText() + " " + finding.path("location").path("file").asText() + " "
                    + finding.path("layer").asText() + " " + finding.path("message").asText());
        }
        assertThat(messages).contains("PC-A024 " + DEMO + " null the image has no HEALTHCHECK",
                "PC-A029 /usr/bin/su 0 /usr/bin/su has the setuid bit, mode 4755");
        // The demo image runs as USER node, so the root check passes.
        assertThat(messages).noneMatch(message -> message.startsWith("PC-A006"));
        assertThat(configuration.path("summary").path("low").asInt()).isEqualTo(12);
        assertThat(schemaErrors(root)).isEmpty();
    }

    static Stream<Arguments> gateCases() {
        return Stream.of(
                Arguments.of(DOCKER_BENCH_RUN, "high", ExitCode.FINDINGS),
                Arguments.of(HARDENED_RUN, "medium", ExitCode.OK),
                // The image's setuid files are low findings.
                Arguments.of(HARDENED_RUN, "low", ExitCode.FINDINGS));
    }

    @ParameterizedTest(name = "--fail-on-config {1}: exit {2}")
    @MethodSource("gateCases")
    void shouldGateOnConfigurationSeverity(String commandLine, String threshold, int expected) {
        int exit = Main.run("scan", DEMO, "--skip-db", "--format", "json", "--quiet", "--docker-run", commandLine,
                "--fail-on-config", threshold);

        assertThat(exit).as(err()).isEqualTo(expected);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("\"configuration\"");
    }

    @Test
    void shouldNameTrippedGateOnStderr() {
        int exit = Main.run("scan", DEMO, "--skip-db", "--format", "json", "--docker-run", DOCKER_BENCH_RUN,
                "--fail-on-config", "high");

        assertThat(exit).isEqualTo(ExitCode.FINDINGS);
        assertThat(err().lines()).last().isEqualTo(
                "portcullis: --fail-on-config high: configuration findings at or above that severity, so the exit code is 1");
    }

    @Test
    void shouldPrintConfigurationAfterVulnerabilityTable() {
        int exit = Main.run("scan", DEMO, "--db", database, "--format", "table", "--quiet", "--docker-run",
                DOCKER_BENCH_RUN);

        assertThat(exit).as(err()).isEqualTo(ExitCode.OK);
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("CONFIGURATION   Findings: 25   critical 1, high 3, medium 4, low 16, info 1"
                + "   Checked: docker run command, image " + DEMO);
        assertThat(table.indexOf("CONFIGURATION")).isGreaterThan(table.indexOf("AFFECTED ("));
        assertThat(table).containsPattern("critical +PC-A012 +--docker-run +host socket /var/run/docker.sock");
    }

    static Stream<Arguments> unusableInputs() {
        return Stream.of(
                Arguments.of("compose that is not YAML", List.of("--compose",
                        SECRETS + "audit/compose/bad/not-yaml.yaml"), SECRETS + "audit/compose/bad/not-yaml.yaml:"),
                Arguments.of("compose with a required variable", List.of("--compose",
                        SECRETS + "audit/compose/bad/required-variable.yaml"),
                        SECRETS + "audit/compose/bad/required-variable.yaml:"),
                Arguments.of("missing Dockerfile", List.of("--dockerfile", "absent/Dockerfile"),
                        "--dockerfile absent/Dockerfile: file not found; pass the path of a Dockerfile"),
                Arguments.of("unknown compose service", List.of("--compose", COMPOSE, "--service", "web"),
                        "compose service 'web' not found in [" + COMPOSE + "]; services: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableInputs")
    void shouldExitTwoWithoutReport(String name, List<String> options, String message) {
        Path report = temp.resolve("report.json");
        List<String> args = new ArrayList<>(List.of("scan", DEMO, "--skip-db", "--output", report.toString()));
        args.addAll(options);

        int exit = Main.run(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(report).doesNotExist();
        assertThat(err()).startsWith("portcullis: ").contains(message);
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldRejectUnknownConfigSeverity() {
        int exit = Main.run("scan", DEMO, "--skip-db", "--fail-on-config", "urgent");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stdout.size()).isZero();
        assertThat(err()).contains("invalid severity 'urgent': expected one of critical, high, medium, low, info");
    }

    @Test
    void shouldExitTwoForInvalidDockerfile() throws Exception {
        Path dockerfile = Files.writeString(temp.resolve("Dockerfile"), "FROM alpine:3.20\nRUNN echo hi\n");

        int exit = Main.run("scan", DEMO, "--skip-db", "--dockerfile", dockerfile.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stdout.size()).isZero();
        assertThat(err()).contains("invalid Dockerfile " + dockerfile + ":2:1: unknown instruction: RUNN");
    }

    @Test
    void shouldInterpolateComposeFromEnvironment() throws Exception {
        CommandLine command = new CommandLine(new ScanCommand(Map.of("DB_PASSWORD", "Tr0ub4dor-and-3-horses"), temp,
                DemoTriage.CLOCK, System.err));

        int exit = command.execute(DEMO, "--db", database, "--format", "json", "--quiet",
                "--compose", SECRETS + "audit/compose/bad/required-variable.yaml");

        // Without DB_PASSWORD in the environment, ${DB_PASSWORD:?...} stops the scan with exit code 2.
        assertThat(exit).as(err()).isEqualTo(ExitCode.OK);
        String output = stdout.toString(StandardCharsets.UTF_8);
        JsonNode configuration = JSON.readTree(output).path("configuration");
        assertThat(finding(configuration, "PC-A003").path("subject").asText()).isEqualTo("db");
        assertThat(configuration.path("skipped")).isEmpty();
        assertThat(output).doesNotContain("Tr0ub4dor-and-3-horses");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"table", "json", "sarif"})
    void shouldRedactSecretsInEveryFormat(String format) {
        int exit = Main.run("scan", DEMO, "--db", database, "--format", format, "--quiet",
                "--dockerfile", SECRETS + "cli/scan-secrets/Dockerfile",
                "--compose", SECRETS + "audit/secrets/compose.yaml");

        assertThat(exit).as(err()).isEqualTo(ExitCode.OK);
        String output = stdout.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("PC-A025", "ghp_****", "Tr0u****");
        for (String secret : SECRET_VALUES) {
            assertThat(output).as(format + " output").doesNotContain(secret);
            assertThat(err()).doesNotContain(secret);
        }
    }

    /** Scans the demo image with {@code --docker-run} and returns the rule ids of the docker run findings. */
    private List<String> dockerRunRules(String commandLine) throws Exception {
        int exit = Main.run("scan", DEMO, "--skip-db", "--format", "json", "--quiet", "--docker-run", commandLine);

        assertThat(exit).as(err()).isEqualTo(ExitCode.OK);
        List<String> rules = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(stdout.toByteArray()).path("configuration").path("findings")) {
            if (finding.path("origin").asText().equals("docker-run")) {
                rules.add(finding.path("ruleId").asText());
                assertThat(finding.path("location").path("file").asText()).isEqualTo("--docker-run");
            }
        }
        return rules;
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Returns each configuration finding as {@code origin ruleId file:line}. */
    private static List<String> places(JsonNode configuration) {
        List<String> places = new ArrayList<>();
        for (JsonNode finding : configuration.path("findings")) {
            places.add(finding.path("origin").asText() + " " + finding.path("ruleId").asText() + " "
                    + finding.path("location").path("file").asText() + ":" + finding.path("location").path("line").asText());
        }
        return places;
    }

    private static JsonNode finding(JsonNode configuration, String ruleId) {
        for (JsonNode finding : configuration.path("findings")) {
            if (finding.path("ruleId").asText().equals(ruleId)) {
                return finding;
            }
        }
        throw new AssertionError("no configuration finding " + ruleId + " in " + configuration);
    }

    private static List<?> schemaErrors(JsonNode root) throws Exception {
        try (InputStream schemaText = InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
            var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
            return List.copyOf(schema.validate(root));
        }
    }
}
