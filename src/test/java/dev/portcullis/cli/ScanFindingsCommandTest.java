package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.report.json.InventoryJsonWriter;
import dev.portcullis.vulndb.DatabaseBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code scan} with a vulnerability database on the bundled example image
 * ({@code examples/demo-image}) and its example feed folder ({@code examples/vulndb}), as a user would.
 */
class ScanFindingsCommandTest {

    private static final String IMAGE = "examples/demo-image";
    private static final String FEEDS = "examples/vulndb";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path temp;

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

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Runs scan with the given environment and clock, as Main does. */
    private int scan(Map<String, String> environment, Clock clock, String... args) {
        CommandLine commandLine = new CommandLine(new ScanCommand(environment, temp, clock, System.err));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }

    @Test
    void shouldReportFindingsFromFeedFolder() throws IOException {
        int exit = Main.run("scan", IMAGE, "--db", FEEDS, "--format", "json");

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(stdout.toByteArray());
        assertThat(root.path("schemaVersion").asText()).isEqualTo("1.2");
        Set<String> findings = new HashSet<>();
        for (JsonNode finding : root.path("findings")) {
            findings.add(finding.path("package").path("name").asText() + " " + finding.path("id").asText() + " "
                    + finding.path("status").asText());
        }
        assertThat(findings).containsExactlyInAnyOrder(
                "libc6 CVE-2019-1010022 no fix (unfixed), unimportant",
                "libc6 CVE-2023-4911 no fix (unfixed)",
                "libc6 CVE-2025-0395 no fix (no-dsa)",
                "zlib1g CVE-2023-45853 no fix in debian:12 (unstable fixed in 1:1.3.dfsg-2)",
                "lodash CVE-2021-23337 fixed in 4.17.21",
                "express CVE-2024-29041 fixed in 4.19.2");
        assertThat(err()).contains("temporary database for this run");
        try (var schemaText = InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
            var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
            assertThat(schema.validate(root)).isEmpty();
        }
    }

    @Test
    void shouldShowStatusWordsAndKevInTable() {
        int exit = Main.run("scan", IMAGE, "--db", FEEDS, "--format", "table", "--sort", "package");

        assertThat(exit).isEqualTo(ExitCode.OK);
        String table = stdout.toString(StandardCharsets.UTF_8);
        // With a database the table shows the triaged findings, grouped by verdict.
        assertThat(table).contains("Findings: 6");
        List<String> rows = table.lines().filter(line -> line.contains(" libc6 ") && line.contains("CVE-")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("CVE-2023-4911")
                .contains("changelog entry 2.36-9+deb12u5"));
    }

    @Test
    void shouldWriteCycloneDxVulnerabilitiesAffectingComponents() throws Exception {
        int exit = Main.run("scan", IMAGE, "--db", FEEDS, "--format", "cyclonedx");

        assertThat(exit).isEqualTo(ExitCode.OK);
        byte[] bytes = stdout.toByteArray();
        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        JsonNode root = new ObjectMapper().readTree(bytes);
        Set<String> refs = new HashSet<>();
        root.path("components").forEach(component -> refs.add(component.path("bom-ref").asText()));
        List<String> ids = new ArrayList<>();
        for (JsonNode vulnerability : root.path("vulnerabilities")) {
            ids.add(vulnerability.path("id").asText());
            assertThat(vulnerability.has("analysis")).isFalse();
            vulnerability.path("affects").forEach(affect -> assertThat(refs).contains(affect.path("ref").asText()));
        }
        assertThat(ids).containsExactly("CVE-2019-1010022", "CVE-2021-23337", "CVE-2023-45853", "CVE-2023-4911",
                "CVE-2024-29041", "CVE-2025-0395");
        JsonNode lodash = root.path("vulnerabilities").get(1);
        assertThat(lodash.path("references").get(0).path("id").asText()).isEqualTo("GHSA-35jh-r3h4-6jhm");
        assertThat(lodash.path("ratings").get(0).path("source").path("name").asText()).isEqualTo("ghsa");
    }

    @Test
    void shouldListPackagesOnlyWhenNoDatabaseExists() throws IOException {
        Clock clock = Clock.systemUTC();

        int exit = scan(Map.of("XDG_CACHE_HOME", temp.toString()), clock, IMAGE, "--format", "json");

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(stdout.toByteArray());
        assertThat(root.path("findings").isNull()).isTrue();
        assertThat(root.path("packages")).hasSize(80);
        assertThat(err()).contains("no vulnerability database at " + temp.resolve("portcullis/vuln.db"))
                .contains("portcullis db update").contains("portcullis db import PATH");
    }

    @Test
    void shouldSkipDatabaseWhenAsked() throws IOException {
        int exit = Main.run("scan", IMAGE, "--db", FEEDS, "--skip-db", "--format", "json");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(stdout.toByteArray()).path("findings").isNull()).isTrue();
        assertThat(err()).contains("--skip-db");
    }

    @Test
    void shouldExitTwoForMissingExplicitDatabase() {
        int exit = Main.run("scan", IMAGE, "--db", temp.resolve("absent.db").toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("absent.db").contains("portcullis db update");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void shouldRejectOtherSchemaVersion() throws Exception {
        Path file = temp.resolve("future.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 999");
        }

        int exit = Main.run("scan", IMAGE, "--db", file.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("schema version 999").contains("portcullis db update");
    }

    @Test
    void shouldWarnAboutOldDatabase() throws Exception {
        Path file = temp.resolve("vuln.db");
        Clock built = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
        new DatabaseBuilder(built).update(file, writer -> null);
        Clock now = Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);

        int exit = scan(Map.of(), now, IMAGE, "--db", file.toString(), "--format", "json", "--max-db-age", "7");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(err()).contains("was built 19 days ago, more than --max-db-age 7 days")
                .contains("portcullis db update");
    }

    @Test
    void shouldScanWithImportedDatabase() throws IOException {
        Path file = temp.resolve("imported.db");

        int imported = Main.run("db", "import", "--db", file.toString(), FEEDS);
        stdout.reset();
        int exit = Main.run("scan", IMAGE, "--db", file.toString(), "--format", "json", "--offline");

        assertThat(imported).isEqualTo(ExitCode.OK);
        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(stdout.toByteArray()).path("findings")).hasSize(6);
    }
}
