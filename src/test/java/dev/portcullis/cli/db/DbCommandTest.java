package dev.portcullis.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.update.FeedMirror;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Runs {@code db import}, {@code db update} and {@code db status} as a user would, on the shared
 * files {@code ../shared/vulndata/ghsa} and {@code ../shared/vulndata/kev/known_exploited_vulnerabilities.json},
 * and on the loopback mirror of {@link FeedMirror}.
 */
class DbCommandTest {

    private static final Instant IMPORTED = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldImportAndReportCounts() {
        Path db = temp.resolve("vuln.db");

        int exit = run(IMPORTED, Map.of(), "import", "--db", db.toString(), "../shared/vulndata/ghsa",
                "../shared/vulndata/kev/known_exploited_vulnerabilities.json");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Imported into " + db)
                .containsPattern("cisa-kev +1404 +0")
                .containsPattern("ghsa +5 +0")
                .containsPattern("total +1409 +0")
                .contains("1 files ignored (no known feed)");
        assertThat(err.toString()).isEmpty();
        assertThat(db).exists();
    }

    @Test
    void shouldPrintStatusWithAges() {
        Path db = temp.resolve("vuln.db");
        run(IMPORTED, Map.of(), "import", "--db", db.toString(), "../shared/vulndata/ghsa");
        out.getBuffer().setLength(0);

        int exit = run(IMPORTED.plusSeconds(3 * 3600), Map.of(), "status", "--db", db.toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Schema version: 1")
                .contains("Built:          2026-12-04T12:00:00Z (3 hours ago)")
                .containsPattern("ghsa +2025-08-11T14:49:47Z +5 +480 days");
    }

    @Test
    void shouldFindDatabaseThroughEnvironment() {
        Path db = temp.resolve("from-env.db");

        int exit = run(IMPORTED, Map.of("PORTCULLIS_DB", db.toString()), "import", "../shared/vulndata/ghsa/npm");

        assertThat(exit).isZero();
        assertThat(db).exists();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "import missing.json; Input not found",
        "import --feed gitlab ../shared/vulndata/ghsa; Unknown feed \"gitlab\"",
        "import ../shared/vulndata/kev/LICENSE; No feed data recognized",
        "status; No vulnerability database at",
    })
    void shouldExitTwoOnUnusableInput(String arguments, String message) {
        Path db = temp.resolve("vuln.db");
        String[] words = (arguments + " --db " + db).split(" ");

        int exit = run(IMPORTED, Map.of(), words);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(db).doesNotExist();
    }

    @Test
    void shouldExitTwoOnOtherSchemaVersion() throws Exception {
        Path db = temp.resolve("vuln.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 9");
            statement.execute("CREATE TABLE t (x)");
        }
        byte[] before = Files.readAllBytes(db);

        int importExit = run(IMPORTED, Map.of(), "import", "--db", db.toString(), "../shared/vulndata/ghsa");
        int statusExit = run(IMPORTED, Map.of(), "status", "--db", db.toString());

        assertThat(importExit).isEqualTo(2);
        assertThat(statusExit).isEqualTo(2);
        assertThat(err.toString()).contains("schema version 9").contains("portcullis db update");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void shouldUpdateFromMirror() throws Exception {
        Path db = temp.resolve("vuln.db");
        try (var mirror = new FeedMirror()) {
            int exit = run(IMPORTED, Map.of(), "update", "--db", db.toString(), "--mirror", mirror.base().toString(),
                    "--osv-ecosystem", "npm", "--alpine-branch", "v3.20");

            assertThat(exit).isZero();
        }
        assertThat(out.toString())
                .containsPattern("ghsa +3 +0")
                .containsPattern("nodejs-core +171 +0")
                .contains("1 downloads failed:")
                .contains("alpine/v3.20/community.json: download failed: HTTP status 404; feed left out");
    }

    @Test
    void shouldExitTwoWithoutSubcommand() {
        int exit = run(IMPORTED, Map.of());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: db").contains("import").contains("update").contains("status");
    }

    @Test
    void shouldFormatAges() {
        assertThat(DbStatusCommand.age(IMPORTED, IMPORTED.plusSeconds(59))).isEqualTo("0 minutes");
        assertThat(DbStatusCommand.age(IMPORTED, IMPORTED.plusSeconds(60))).isEqualTo("1 minute");
        assertThat(DbStatusCommand.age(IMPORTED, IMPORTED.plusSeconds(7200))).isEqualTo("2 hours");
        assertThat(DbStatusCommand.age(IMPORTED, IMPORTED.plusSeconds(86_400))).isEqualTo("1 day");
    }

    private int run(Instant now, Map<String, String> environment, String... arguments) {
        DbCommand command = new DbCommand(Clock.fixed(now, ZoneOffset.UTC), environment, temp.resolve("home"));
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
