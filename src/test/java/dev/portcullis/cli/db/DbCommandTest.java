package dev.portcullis.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.cli.Main;
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
import java.util.Random;
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
                .contains("1 file ignored (no known feed)");
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
        "import missing.json; missing.json: file or folder not found; check the path",
        "import --feed gitlab ../shared/vulndata/ghsa; unknown feed \"gitlab\": use one of [osv, debian-tracker,",
        "import ../shared/vulndata/kev/LICENSE; no feed data recognized in [../shared/vulndata/kev/LICENSE]",
        "status; no vulnerability database at DB: run `portcullis db update` to download the feeds",
    })
    void shouldExitTwoOnUnusableInput(String arguments, String message) {
        Path db = temp.resolve("vuln.db");
        String[] words = (arguments + " --db " + db).split(" ");

        int exit = run(IMPORTED, Map.of(), words);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("portcullis: error: " + message.replace("DB", db.toString()));
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(db).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            random bytes | vuln.db   | is not a vulnerability database (not an SQLite file): pass the file that `portcullis db update`
            JSON file    | vuln.json | is not a vulnerability database (not an SQLite file): pass the file that `portcullis db update`
            empty file   | empty.db  | is an empty file, not a vulnerability database: build one there with `portcullis db update --db
            folder       | folder    | is a folder, not a vulnerability database file: name the database file, for example
            other SQLite | other.db  | is not a Portcullis vulnerability database (an SQLite file with no schema version): pass
            """)
    void shouldNameFileThatIsNoDatabase(String kind, String name, String message) throws Exception {
        Path db = notDatabase(kind, name);

        int exit = run(IMPORTED, Map.of(), "status", "--db", db.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("portcullis: error: " + db + " " + message);
        assertThat(out.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            import | random bytes | vuln.db   | is not a vulnerability database (not an SQLite file), so it is left unchanged
            import | JSON file    | vuln.json | is not a vulnerability database (not an SQLite file), so it is left unchanged
            import | folder       | folder    | is a folder: name the database file with --db, for example --db
            update | random bytes | vuln.db   | is not a vulnerability database (not an SQLite file), so it is left unchanged
            update | folder       | folder    | is a folder: name the database file with --db, for example --db
            import | other SQLite | other.db  | is not a Portcullis vulnerability database (an SQLite file with no schema
            """)
    void shouldLeaveTargetThatIsNoDatabase(String command, String kind, String name, String message) throws Exception {
        Path db = notDatabase(kind, name);
        byte[] before = Files.isRegularFile(db) ? Files.readAllBytes(db) : null;

        int exit = run(IMPORTED, Map.of(), command, "--db", db.toString(), command.equals("import")
                ? "../shared/vulndata/ghsa" : "--mirror=http://127.0.0.1:9/");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("portcullis: error: " + db + " " + message);
        if (before != null) {
            assertThat(Files.readAllBytes(db)).isEqualTo(before);
        }
    }

    @Test
    void shouldImportIntoEmptyFile() throws Exception {
        Path db = Files.createFile(temp.resolve("empty.db"));

        int exit = run(IMPORTED, Map.of(), "import", "--db", db.toString(), "../shared/vulndata/ghsa");

        assertThat(exit).isZero();
        assertThat(out.toString()).containsPattern("ghsa +5 +0");
    }

    /** Writes an SQLite file of another program: a table, and no schema version in user_version. */
    private static Path otherSqliteFile(Path path) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
        }
        return path;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    /** Writes a path that is not a vulnerability database: random bytes, a JSON file, an empty file or a folder. */
    private Path notDatabase(String kind, String name) throws Exception {
        Path path = temp.resolve(name);
        return switch (kind) {
            case "random bytes" -> Files.write(path, randomBytes());
            case "JSON file" -> Files.writeString(path, "{\"schema_version\": \"1.6.0\", \"id\": \"GHSA-0000\"}\n");
            case "empty file" -> Files.createFile(path);
            case "folder" -> Files.createDirectory(path);
            case "other SQLite" -> otherSqliteFile(path);
            default -> throw new IllegalArgumentException(kind);
        };
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
                .contains("1 download failed:")
                .contains("alpine/v3.20/community.json: download failed: HTTP status 404; feed left out");
    }

    @Test
    void shouldExitTwoWithoutSubcommand() {
        int exit = run(IMPORTED, Map.of());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: db").contains("import").contains("update").contains("status");
        assertThat(err.toString()).endsWith("portcullis: error: a db subcommand is required: import, update or"
                + " status, for example portcullis db status" + System.lineSeparator());
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
        CommandLine commandLine = Main.configure(new CommandLine(command));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
