package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.triage.DemoTriage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code scan} with a vulnerability database on the demo image
 * ({@code ../shared/fixtures/images/demo-nest-api/oci}), with the database {@link DemoTriage} imports
 * from {@code ../shared/vulndata}, as a user would.
 */
class ScanTriageCommandTest {

    private static final String DEMO = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static Path database;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeAll
    static void importDatabase() throws Exception {
        database = DemoTriage.database(shared);
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
    void shouldWriteOpenVexApplyVexAndFailOnHigh() throws Exception {
        Path vex = Files.writeString(temp.resolve("vex.json"), """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "urn:uuid:test", "author": "Jane Doe",
                 "timestamp": "2026-11-30T00:00:00Z", "version": 1, "statements": [
                  {"vulnerability": {"name": "CVE-2021-23337"}, "products": [{"@id": "pkg:npm/lodash@4.17.15"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"},
                  {"vulnerability": {"name": "CVE-2099-0404"}, "products": [{"@id": "pkg:npm/left-pad@1.0.0"}],
                   "status": "not_affected", "justification": "component_not_present"}]}
                """);
        Path report = temp.resolve("report.openvex.json");

        int exit = Main.run("scan", DEMO, "--db", database.toString(), "--vex", vex.toString(), "--format", "openvex",
                "--output", report.toString(), "--fail-on", "high", "--quiet");

        assertThat(exit).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.FINDINGS);
        JsonNode statements = JSON.readTree(report.toFile()).path("statements");
        assertThat(statements).anySatisfy(statement -> {
            assertThat(statement.path("vulnerability").path("name").asText()).isEqualTo("CVE-2021-23337");
            assertThat(statement.path("status").asText()).isEqualTo("not_affected");
            assertThat(statement.path("justification").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
        });
        assertThat(statements).anySatisfy(statement -> {
            assertThat(statement.path("vulnerability").path("name").asText()).isEqualTo("CVE-2020-8203");
            assertThat(statement.path("action_statement").asText()).isEqualTo("upgrade lodash to 4.17.19");
        });
    }

    @Test
    void shouldPassFailOnCriticalAndPrintTableByVerdict() {
        int exit = Main.run("scan", DEMO, "--db", database.toString(), "--format", "table", "--fail-on", "critical",
                "--quiet");

        assertThat(exit).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("AFFECTED (2)", "LOW_RISK (4)", "not_affected 1",
                "upgrade lodash to 4.17.21");
    }

    @Test
    void shouldLowerNetworkFindingsWithoutPublishedPort() throws Exception {
        int exit = Main.run("scan", DEMO, "--db", database.toString(), "--format", "json", "--quiet",
                "--docker-run", "docker run --user node --read-only demo-nest-api");

        assertThat(exit).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        JsonNode lodash = null;
        for (JsonNode finding : JSON.readTree(stdout.toByteArray()).path("findings")) {
            if (finding.path("id").asText().equals("CVE-2021-23337")) {
                lodash = finding.path("triage");
            }
        }
        assertThat(lodash).isNotNull();
        assertThat(lodash.path("verdict").path("status").asText()).isEqualTo("low_risk");
        assertThat(lodash.path("verdict").path("lowRiskBasis").asText()).isEqualTo("context");
        assertThat(lodash.path("verdict").path("reason").asText())
                .isEqualTo("the exploit needs network access (AV:N) and the docker run command publishes no port");
    }

    @Test
    void shouldExitTwoForMissingDatabase() {
        int exit = Main.run("scan", DEMO, "--db", temp.resolve("absent.db").toString(), "--format", "openvex");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("absent.db").contains("portcullis db update");
    }

    @Test
    void shouldExitTwoForUnknownRiskLevel() {
        int exit = Main.run("scan", DEMO, "--fail-on", "severe");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("severe");
    }
}
