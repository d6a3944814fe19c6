package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.SourceInfo;
import dev.portcullis.vulndb.TrackerState;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.VulnDbException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imports the shared folders {@code ../shared/vulndata/ghsa}, {@code debian-tracker},
 * {@code alpine-secdb}, {@code nodejs/security-wg/core}, {@code kev} and {@code nvd}, plus this
 * module's EPSS fixture, into one database.
 */
class FeedImportTest {

    private static final Path SHARED = Path.of("../shared/vulndata");
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    static Path databaseFolder;

    private static Path database;
    private static ImportReport report;

    @TempDir
    Path temp;

    @BeforeAll
    static void importSharedData() throws Exception {
        database = databaseFolder.resolve("vuln.db");
        report = feedImport().run(database, List.of(SHARED.resolve("ghsa"), SHARED.resolve("debian-tracker"),
                SHARED.resolve("alpine-secdb"), SHARED.resolve("nodejs/security-wg/core"), SHARED.resolve("kev"),
                SHARED.resolve("nvd"), Path.of("src/test/resources/vulndb/epss")), Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // source, imported, skipped, records stored
        "ghsa, 5, 0, 5",
        "debian-tracker, 8958, 0, 8958",
        "nodejs-core, 171, 0, 171",
        "cisa-kev, 1404, 0, 1404",
        "nvd, 1, 0, 1",
        "epss, 3, 1, 3",
    })
    void shouldCountEachSource(String source, int imported, int skipped, long stored) throws VulnDbException {
        assertThat(report.sources()).containsEntry(source, new SourceCounts(imported, skipped));
        try (VulnDatabase db = VulnDatabase.open(database)) {
            SourceInfo info = db.sources().stream().filter(s -> s.name().equals(source)).findFirst().orElseThrow();
            assertThat(info.recordCount()).isEqualTo(stored);
            assertThat(info.importedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void shouldMergeAlpineReleasesPerId() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            Advisory musl = db.byId("CVE-2019-14697").getFirst();

            assertThat(musl.source()).isEqualTo("alpine-secdb");
            assertThat(musl.affected()).extracting(a -> a.ecosystem() + " " + a.fixedVersions())
                    .contains("alpine:3.10 [1.1.22-r3]", "alpine:3.11 [1.1.23-r2]");
            assertThat(db.advisories("alpine:3.11", "musl")).extracting(Advisory::id).contains("CVE-2019-14697");
        }
        assertThat(report.sources().get("alpine-secdb").skipped()).isZero();
    }

    @Test
    void shouldKeepSourceDates() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            assertThat(db.sources()).filteredOn(s -> s.name().equals("cisa-kev")).extracting(SourceInfo::lastModified)
                    .containsExactly(Instant.parse("2025-08-25T17:04:19.979600Z"));
            assertThat(db.sources()).filteredOn(s -> s.name().equals("ghsa")).extracting(SourceInfo::lastModified)
                    .containsExactly(Instant.parse("2025-08-11T14:49:47Z"));
            assertThat(db.builtAt()).isEqualTo(NOW);
        }
    }

    @Test
    void shouldAnswerDistroQueriesAfterImport() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            List<Advisory> shadow = db.distroAdvisories("debian", "12", "shadow");
            List<Advisory> apt = db.distroAdvisories("debian", "12", "apt");

            assertThat(shadow).singleElement().satisfies(a -> assertThat(a.affected().getFirst().status().state())
                    .isEqualTo(TrackerState.NO_DSA));
            assertThat(apt).singleElement().satisfies(a -> assertThat(a.affected().getFirst().status().isUnimportant()).isTrue());
            assertThat(db.kev("CVE-2021-44228")).isPresent();
            assertThat(db.epss("CVE-2021-44228")).isPresent();
            assertThat(db.cvss("CVE-2023-4911")).hasSize(1);
        }
    }

    @Test
    void shouldListFilesOfNoFeedAsIgnored() {
        assertThat(report.ignored()).extracting(p -> p.getFileName().toString())
                .contains("SOURCES.tsv", "LICENSE", "known_exploited_vulnerabilities_schema.json",
                        "known_exploited_vulnerabilities.csv", "README.md");
        assertThat(report.ignored()).extracting(p -> p.getFileName().toString()).doesNotContain("main.yaml", "index.json", "list");
        assertThat(report.warnings()).extracting(ImportWarning::toString).containsExactly(
                "epss_scores-2099-05-01.csv:5: invalid number in \"CVE-2099-4001,not-a-number,0.5\"; row skipped");
    }

    @Test
    void shouldContinuePastBadInputs() throws Exception {
        Path corrupt = temp.resolve("all.zip");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 9, 9, 9});
        Path unknown = temp.resolve("notes.txt");
        Files.writeString(unknown, "not a feed\n");
        Path target = temp.resolve("vuln.db");

        ImportReport bad = feedImport().run(target, List.of(Path.of("src/test/resources/vulndb/osv/bad"), corrupt, unknown,
                SHARED.resolve("ghsa/npm/GHSA-rv95-896h-c2vc.json")), Optional.empty());

        assertThat(bad.sources()).containsEntry("ghsa", new SourceCounts(2, 0));
        assertThat(bad.sources()).containsEntry("osv", new SourceCounts(0, 2));
        assertThat(bad.ignored()).extracting(p -> p.getFileName().toString()).containsExactly("no-id.json");
        assertThat(bad.sources()).containsEntry("osv-hackage", new SourceCounts(0, 1));
        assertThat(bad.warnings()).extracting(ImportWarning::location).contains(
                "malformed.json", "unknown-ecosystem.json#EXAMPLE-2099-1", corrupt.toString(), unknown.toString());
        try (VulnDatabase db = VulnDatabase.open(target)) {
            assertThat(db.byId("CVE-2024-29041")).hasSize(1);
            assertThat(db.advisories("npm", "right-pad")).hasSize(1);
        }
    }

    @Test
    void shouldDropKevEntriesMissingFromNewerCatalog() throws Exception {
        Path target = temp.resolve("vuln.db");
        Path older = temp.resolve("older.json");
        Path newer = temp.resolve("newer.json");
        Files.writeString(older, """
                {"catalogVersion": "2099.01.01", "dateReleased": "2099-01-01T00:00:00Z", "vulnerabilities": [
                 {"cveID": "CVE-2099-0001", "dateAdded": "2099-01-01"}, {"cveID": "CVE-2099-0002", "dateAdded": "2099-01-01"}]}""");
        Files.writeString(newer, """
                {"catalogVersion": "2099.01.02", "dateReleased": "2099-01-02T00:00:00Z", "vulnerabilities": [
                 {"cveID": "CVE-2099-0002", "dateAdded": "2099-01-01"}]}""");

        feedImport().run(target, List.of(older), Optional.empty());
        feedImport().run(target, List.of(newer), Optional.empty());

        try (VulnDatabase db = VulnDatabase.open(target)) {
            assertThat(db.kev("CVE-2099-0001")).isEmpty();
            assertThat(db.kev("CVE-2099-0002")).isPresent();
            assertThat(db.sources()).singleElement().satisfies(s -> {
                assertThat(s.recordCount()).isEqualTo(1);
                assertThat(s.lastModified()).isEqualTo(Instant.parse("2099-01-02T00:00:00Z"));
            });
        }
    }

    @Test
    void shouldRejectMissingInputWithoutCreatingDatabase() {
        Path target = temp.resolve("vuln.db");

        assertThatThrownBy(() -> feedImport().run(target, List.of(temp.resolve("nope.json")), Optional.empty()))
                .isInstanceOf(FeedInputException.class)
                .hasMessageContaining("input not found: " + temp.resolve("nope.json"));
        assertThat(target).doesNotExist();
    }

    @Test
    void shouldRejectInputsOfNoKnownFeed() throws IOException {
        Path unknown = temp.resolve("notes.txt");
        Files.writeString(unknown, "not a feed\n");

        assertThatThrownBy(() -> feedImport().run(temp.resolve("vuln.db"), List.of(unknown), Optional.empty()))
                .isInstanceOf(FeedInputException.class)
                .hasMessageContaining("no feed data recognized")
                .hasMessageContaining("--feed");
    }

    @Test
    void shouldReadEveryFileAsForcedFeed() throws Exception {
        Path target = temp.resolve("vuln.db");

        ImportReport forced = feedImport().run(target, List.of(SHARED.resolve("nvd/CVE-2023-4911.json")), Optional.of(Feed.OSV));

        assertThat(forced.sources()).containsExactly(Map.entry("osv", new SourceCounts(1, 0)));
    }

    @Test
    void shouldRefuseDatabaseOfOtherSchemaVersion() throws Exception {
        Path target = temp.resolve("vuln.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 3");
            statement.execute("CREATE TABLE t (x)");
        }

        assertThatThrownBy(() -> feedImport().run(target, List.of(SHARED.resolve("ghsa")), Optional.empty()))
                .isInstanceOf(VulnDbException.class)
                .hasMessageContaining("schema version 3");
    }

    private static FeedImport feedImport() {
        return new FeedImport(Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
