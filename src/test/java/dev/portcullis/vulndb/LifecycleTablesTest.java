package dev.portcullis.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.feed.FeedImport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the lifecycle tables keep schema version 1 readable both ways: a file written before
 * they existed reads as having no lifecycle data, and gains the tables on its next import. Imports
 * the shared file {@code ../shared/vulndata/distro/distro-info-data/debian.csv}.
 */
class LifecycleTablesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void shouldReadFileWithoutLifecycleTables() throws Exception {
        Path file = temp.resolve("vuln.db");
        new DatabaseBuilder(CLOCK).update(file, writer -> null);
        dropLifecycleTables(file);

        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(1);
            assertThat(db.releaseCycles("debian")).isEmpty();
            assertThat(db.productReleases("nodejs")).isEmpty();
            assertThat(db.securitySupportLimits("debian", "12")).isEmpty();
        }
    }

    @Test
    void shouldAddLifecycleTablesOnImport() throws Exception {
        Path file = temp.resolve("vuln.db");
        new DatabaseBuilder(CLOCK).update(file, writer -> null);
        dropLifecycleTables(file);

        new FeedImport(CLOCK).run(file, List.of(Path.of("../shared/vulndata/distro/distro-info-data/debian.csv")), Optional.empty());

        try (VulnDatabase db = VulnDatabase.open(file)) {
            assertThat(db.releaseCycles("debian")).hasSize(20);
            assertThat(db.sources()).extracting(SourceInfo::name, SourceInfo::recordCount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("distro-info", 20L));
        }
    }

    private static void dropLifecycleTables(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE release_cycle");
            statement.execute("DROP TABLE product_release");
            statement.execute("DROP TABLE security_support_limit");
        }
    }
}
