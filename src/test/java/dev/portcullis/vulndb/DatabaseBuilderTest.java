package dev.portcullis.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBuilderTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path temp;

    @Test
    void shouldKeepPreviousDatabaseWhenWriteFails() throws Exception {
        Path file = temp.resolve("vuln.db");
        builder(FIRST).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.npm("GHSA-35jh-r3h4-6jhm", "CVE-2021-23337", "lodash", "4.17.21"), MergeMode.REPLACE);
            return null;
        });
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> builder(SECOND).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.npm("GHSA-rv95-896h-c2vc", "CVE-2024-29041", "express", "4.19.2"), MergeMode.REPLACE);
            throw new IllegalStateException("simulated crash in the middle of an import");
        }))
                .isInstanceOf(VulnDbException.class)
                .hasMessageContaining("simulated crash")
                .hasMessageContaining("the previous file is unchanged");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.builtAt()).isEqualTo(FIRST);
            assertThat(db.byId("CVE-2021-23337")).hasSize(1);
            assertThat(db.byId("CVE-2024-29041")).isEmpty();
        }
        assertThat(filesIn(temp)).containsExactly("vuln.db");
    }

    @Test
    void shouldLeaveNoFileWhenFirstBuildFails() throws IOException {
        Path file = temp.resolve("cache/portcullis/vuln.db");

        assertThatThrownBy(() -> builder(FIRST).update(file, writer -> {
            throw new IOException("disk full");
        })).isInstanceOf(VulnDbException.class);

        assertThat(file).doesNotExist();
        assertThat(filesIn(file.getParent())).isEmpty();
    }

    @Test
    void shouldKeepOldRecordsWhenRefreshing() throws Exception {
        Path file = temp.resolve("vuln.db");
        builder(FIRST).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.npm("GHSA-35jh-r3h4-6jhm", "CVE-2021-23337", "lodash", "4.17.21"), MergeMode.REPLACE);
            return null;
        });

        builder(SECOND).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.npm("GHSA-rv95-896h-c2vc", "CVE-2024-29041", "express", "4.19.2"), MergeMode.REPLACE);
            return null;
        });

        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.builtAt()).isEqualTo(SECOND);
            assertThat(db.byId("CVE-2021-23337")).hasSize(1);
            assertThat(db.byId("CVE-2024-29041")).hasSize(1);
        }
    }

    @Test
    void shouldMergeAffectedEntriesOfSameAdvisory() throws Exception {
        Path file = temp.resolve("vuln.db");
        DistroStatus unfixed = new DistroStatus("unfixed", null, null, null, null, null);
        DistroStatus fixed = new DistroStatus("fixed", "2.36-9+deb12u6", null, null, null, null);

        builder(FIRST).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.debian("CVE-2024-2961", "debian:11", "glibc", unfixed), MergeMode.MERGE_AFFECTED);
            writer.putAdvisory(TestAdvisories.debian("CVE-2024-2961", "debian:12", "glibc", unfixed), MergeMode.MERGE_AFFECTED);
            return null;
        });
        builder(SECOND).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.debian("CVE-2024-2961", "debian:12", "glibc", fixed), MergeMode.MERGE_AFFECTED);
            return null;
        });

        try (VulnDatabase db = VulnDatabase.open(file)) {
            List<Affected> entries = db.byId("CVE-2024-2961").getFirst().affected();
            assertThat(entries).extracting(Affected::ecosystem).containsExactly("debian:11", "debian:12");
            assertThat(entries).extracting(a -> a.status().state()).containsExactly(TrackerState.UNFIXED, TrackerState.FIXED);
        }
    }

    @Test
    void shouldReplaceWholeAdvisoryInReplaceMode() throws Exception {
        Path file = temp.resolve("vuln.db");
        builder(FIRST).update(file, writer -> {
            writer.putAdvisory(TestAdvisories.npm("GHSA-35jh-r3h4-6jhm", "CVE-2021-23337", "lodash", "4.17.20"), MergeMode.REPLACE);
            writer.putAdvisory(TestAdvisories.npm("GHSA-35jh-r3h4-6jhm", "CVE-2021-23337", "lodash-es", "4.17.21"), MergeMode.REPLACE);
            return null;
        });

        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.advisories("npm", "lodash")).isEmpty();
            assertThat(db.advisories("npm", "lodash-es")).hasSize(1);
        }
    }

    @Test
    void shouldRefuseToUpdateOtherSchemaVersion() throws Exception {
        Path file = temp.resolve("vuln.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE advisory (id TEXT)");
            statement.execute("PRAGMA user_version = 2");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> builder(FIRST).update(file, writer -> null))
                .isInstanceOf(VulnDbException.class)
                .hasMessageContaining("has schema version 2 but this Portcullis reads version 1");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(temp)).containsExactly("vuln.db");
    }

    private static DatabaseBuilder builder(Instant now) {
        return new DatabaseBuilder(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

}
