package dev.portcullis.vulndb.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.feed.ImportWarning;
import dev.portcullis.vulndb.feed.SourceCounts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates from a loopback mirror; {@link FeedMirror} names the shared files it serves. */
class FeedUpdateTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path temp;

    private FeedMirror mirror;

    @BeforeEach
    void startMirror() throws Exception {
        mirror = new FeedMirror();
    }

    @AfterEach
    void stopMirror() {
        mirror.close();
    }

    @Test
    void shouldImportEveryDownloadedFeed() throws Exception {
        Path database = temp.resolve("vuln.db");
        List<FeedDownload> downloads = DefaultFeeds.list(List.of("npm", "PyPI"), List.of("v3.20")).stream()
                .map(d -> d.fromMirror(mirror.base())).toList();

        FeedUpdate.UpdateReport report = update().run(database, downloads);

        assertThat(report.imported().sources())
                .containsEntry("ghsa", new SourceCounts(3, 0))
                .containsEntry("debian-tracker", new SourceCounts(7, 0))
                .containsEntry("alpine-secdb", new SourceCounts(3, 0))
                .containsEntry("nodejs-core", new SourceCounts(171, 0))
                .containsEntry("cisa-kev", new SourceCounts(1404, 0))
                .containsEntry("epss", new SourceCounts(3, 1))
                .containsEntry("node-release-schedule", new SourceCounts(27, 0))
                .containsEntry("nodejs-dist-index", new SourceCounts(23, 0))
                .containsEntry("distro-info", new SourceCounts(65, 0))
                .containsEntry("debian-security-support", new SourceCounts(48, 0))
                .containsEntry("alpine-releases", new SourceCounts(3, 1));
        assertThat(report.failedDownloads()).extracting(ImportWarning::location).containsExactly(
                mirror.base() + "osv/PyPI/all.zip", mirror.base() + "alpine/v3.20/community.json");
        assertThat(report.failedDownloads().getFirst().reason()).isEqualTo("download failed: HTTP status 404; feed left out");
        try (VulnDatabase db = VulnDatabase.open(database)) {
            assertThat(db.advisories("npm", "lodash")).hasSize(2);
            assertThat(db.advisories("alpine:3.20", "busybox")).hasSize(3);
            assertThat(db.builtAt()).isEqualTo(NOW);
        }
    }

    @Test
    void shouldRejectUpdateWhenNothingDownloads() {
        Path database = temp.resolve("vuln.db");
        List<FeedDownload> downloads = List.of(
                new FeedDownload(URI.create("https://example.invalid/x.json"), "missing/x.json").fromMirror(mirror.base()));

        assertThatThrownBy(() -> update().run(database, downloads))
                .isInstanceOf(FeedInputException.class)
                .hasMessageContaining("no feed could be downloaded (1 tried)");
        assertThat(database).doesNotExist();
    }

    @Test
    void shouldPointDownloadsAtMirror() {
        FeedDownload kev = DefaultFeeds.list(List.of(), List.of()).stream()
                .filter(d -> d.mirrorPath().startsWith("kev/")).findFirst().orElseThrow();

        assertThat(kev.uri()).hasHost("www.cisa.gov");
        assertThat(kev.fromMirror(URI.create("http://127.0.0.1:8080/feeds")).uri())
                .isEqualTo(URI.create("http://127.0.0.1:8080/feeds/kev/known_exploited_vulnerabilities.json"));
    }

    private static FeedUpdate update() {
        return new FeedUpdate(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
    }
}
