package dev.portcullis.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDatabaseTest {

    private static final Instant BUILT = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path temp;

    private Path file;

    @BeforeEach
    void build() throws VulnDbException {
        file = temp.resolve("vuln.db");
        new DatabaseBuilder(Clock.fixed(BUILT, ZoneOffset.UTC)).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.npm("GHSA-35jh-r3h4-6jhm", "CVE-2021-23337", "lodash", "4.17.21"), MergeMode.REPLACE);
            writer.putAdvisory(TestAdvisories.npm("GHSA-p6mc-m468-83gw", "CVE-2020-8203", "lodash", "4.17.19"), MergeMode.REPLACE);
            writer.putAdvisory(TestAdvisories.npm("GHSA-rv95-896h-c2vc", "CVE-2024-29041", "express", "4.19.2"), MergeMode.REPLACE);
            writer.putAdvisory(TestAdvisories.debian("CVE-2024-2961", "debian", "glibc",
                    new DistroStatus("fixed", "2.37-18", null, null, null, null)), MergeMode.MERGE_AFFECTED);
            writer.putAdvisory(TestAdvisories.debian("CVE-2023-4641", "debian", "shadow",
                    new DistroStatus("fixed", "1:4.13+dfsg1-2", null, null, null, null)), MergeMode.MERGE_AFFECTED);
            writer.putAdvisory(TestAdvisories.debian("CVE-2023-4641", "debian:12", "shadow",
                    new DistroStatus("no-dsa", null, null, null, null, "Minor issue")), MergeMode.MERGE_AFFECTED);
            writer.putKev(new KevEntry("CVE-2021-44228", "Apache", "Log4j2", "Apache Log4j2 Remote Code Execution Vulnerability",
                    "JNDI", LocalDate.of(2021, 12, 10), LocalDate.of(2021, 12, 24), "Known", "Apply updates", "", List.of("CWE-20")));
            writer.putEpss(new EpssScore("CVE-2021-44228", 0.94358, 0.99957, LocalDate.of(2099, 5, 1), "v2025.03.14"));
            writer.replaceCvss("CVE-2023-4911", List.of(
                    new CvssMetric("CVE-2023-4911", "3.1", "secalert@redhat.com", "Secondary", "CVSS:3.1/AV:L", 7.8, "HIGH"),
                    new CvssMetric("CVE-2023-4911", "3.1", "nvd@nist.gov", "Primary", "CVSS:3.1/AV:L/AC:L", 7.8, "HIGH")));
            writer.recordSource("ghsa", Instant.parse("2022-01-01T00:00:00Z"), BUILT);
            writer.recordSource(VulnDatabaseWriter.KEV_SOURCE, Instant.parse("2025-08-25T17:04:19Z"), BUILT);
            return null;
        });
    }

    @Test
    void shouldFindAdvisoriesByEcosystemAndPackage() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(file)) {
            List<Advisory> lodash = db.advisories("npm", "lodash");

            assertThat(lodash).extracting(Advisory::id).containsExactly("GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw");
            Advisory first = lodash.getFirst();
            assertThat(first).isEqualTo(TestAdvisories.npm("GHSA-35jh-r3h4-6jhm", "CVE-2021-23337", "lodash", "4.17.21"));
            assertThat(db.advisories("npm", "left-pad")).isEmpty();
            assertThat(db.advisories("maven", "lodash")).isEmpty();
        }
    }

    @Test
    void shouldFindAdvisoryByIdOrAlias() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.byId("CVE-2024-29041")).extracting(Advisory::id).containsExactly("GHSA-rv95-896h-c2vc");
            assertThat(db.byId("GHSA-rv95-896h-c2vc")).extracting(Advisory::id).containsExactly("GHSA-rv95-896h-c2vc");
            assertThat(db.byId("CVE-2023-4641").getFirst().affected()).extracting(Affected::ecosystem)
                    .containsExactly("debian", "debian:12");
            assertThat(db.byId("CVE-2099-0000")).isEmpty();
        }
    }

    @Test
    void shouldFallBackToDistroDefaultEntry() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(file)) {
            List<Advisory> glibc = db.distroAdvisories("debian", "12", "glibc");
            List<Advisory> shadow = db.distroAdvisories("debian", "12", "shadow");

            assertThat(glibc).singleElement().satisfies(a -> assertThat(a.affected().getFirst().ecosystem()).isEqualTo("debian"));
            assertThat(shadow).singleElement().satisfies(a -> {
                assertThat(a.affected()).singleElement().satisfies(e -> {
                    assertThat(e.ecosystem()).isEqualTo("debian:12");
                    assertThat(e.status().state()).isEqualTo(TrackerState.NO_DSA);
                });
            });
        }
    }

    @Test
    void shouldReturnKevEpssAndCvss() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.kev("CVE-2021-44228")).hasValueSatisfying(k -> {
                assertThat(k.knownRansomware()).isTrue();
                assertThat(k.dueDate()).isEqualTo(LocalDate.of(2021, 12, 24));
            });
            assertThat(db.kev("CVE-2099-0000")).isEmpty();
            assertThat(db.epss("CVE-2021-44228"))
                    .contains(new EpssScore("CVE-2021-44228", 0.94358, 0.99957, LocalDate.of(2099, 5, 1), "v2025.03.14"));
            assertThat(db.cvss("CVE-2023-4911")).extracting(CvssMetric::type).containsExactly("Primary", "Secondary");
        }
    }

    @Test
    void shouldListSourcesAndBuildTime() throws VulnDbException {
        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.builtAt()).isEqualTo(BUILT);
            assertThat(db.schemaVersion()).isEqualTo(1);
            assertThat(db.sources()).containsExactly(
                    new SourceInfo("cisa-kev", Instant.parse("2025-08-25T17:04:19Z"), 1, BUILT),
                    new SourceInfo("ghsa", Instant.parse("2022-01-01T00:00:00Z"), 3, BUILT));
        }
    }

    @Test
    void shouldRejectOtherSchemaVersion() throws SQLException {
        Path other = temp.resolve("old.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE advisory (id TEXT)");
            statement.execute("PRAGMA user_version = 7");
        }

        assertThatThrownBy(() -> VulnDatabase.open(other))
                .isInstanceOf(VulnDbException.class)
                .hasMessageContaining("old.db has schema version 7 but this Portcullis reads version 1")
                .hasMessageContaining("run `portcullis db update`");
    }

    @Test
    void shouldRejectMissingFile() {
        assertThatThrownBy(() -> VulnDatabase.open(temp.resolve("missing.db")))
                .isInstanceOf(VulnDbException.class)
                .hasMessageContaining("No vulnerability database at")
                .hasMessageContaining("portcullis db import PATH");
    }

    @Test
    void shouldRejectFileThatIsNotSqlite() throws IOException {
        Path text = temp.resolve("notes.db");
        Files.writeString(text, "this is not a database, just some text that is long enough to have a header".repeat(20));

        assertThatThrownBy(() -> VulnDatabase.open(text))
                .isInstanceOf(VulnDbException.class)
                .hasMessageContaining("notes.db is not a readable vulnerability database");
    }
}
