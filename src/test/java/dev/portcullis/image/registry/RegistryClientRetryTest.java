package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retries, timeouts and damaged content, against a loopback server that serves the shared layout
 * {@code ../shared/fixtures/images/demo-nest-api/oci} (tag {@code bookworm-minbase}, one layer) and
 * fails on request.
 */
class RegistryClientRetryTest {

    private static final String TAG = DemoImage.BASE_TAG;

    private LayoutRegistryServer server;

    @BeforeEach
    void startServer() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DemoImage.present(), "needs the shared layout " + DemoImage.LAYOUT);
        server = new LayoutRegistryServer(DemoImage.LAYOUT);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private RegistryOptions options(Path cache, int attempts) {
        return RegistryOptions.defaults()
                .withInsecureRegistries(Set.of(server.endpoint()))
                .withDockerConfig(null, List.of())
                .withCacheFolder(cache)
                .withRetries(attempts, Duration.ofMillis(10), Duration.ofSeconds(2));
    }

    private String reference() {
        return server.endpoint() + "/demo:" + TAG;
    }

    @ParameterizedTest(name = "HTTP {0}, Retry-After {1}")
    @CsvSource({
        "503, 1",
        "429, 0",
        "500, ",
        "502, ",
    })
    void shouldRetryFailingStatus(int status, String retryAfter, @TempDir Path cache) throws Exception {
        server.failFirst(2, status, retryAfter);
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache, 3))) {
            pulled = client.pull(reference(), null);
        }

        String manifestPath = "/v2/demo/manifests/" + TAG;
        assertThat(server.requests()).startsWith(manifestPath + " " + status, manifestPath + " " + status,
                manifestPath + " 200");
        assertThat(pulled.manifestDigest()).isEqualTo(DemoImage.load().baseManifestDigest());
    }

    @Test
    void shouldStopAfterMaxAttempts(@TempDir Path cache) throws Exception {
        server.failFirst(100, 503, "0");
        try (RegistryClient client = new RegistryClient(options(cache, 3))) {
            assertThatThrownBy(() -> client.pull(reference(), null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Registry " + server.endpoint() + " failed with HTTP 503 for manifest "
                            + TAG + " of " + reference() + " on all 3 attempts")
                    .hasMessageContaining("Try again later");
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldRetryDroppedBlobDownload(@TempDir Path cache) throws Exception {
        DemoImage demo = DemoImage.load();
        String config = baseConfigDigest();
        server.truncateOnce(config);
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache, 3))) {
            pulled = client.pull(reference(), null);
        }

        String configPath = "/v2/demo/blobs/" + config;
        assertThat(server.requests()).containsSubsequence(configPath + " truncated", configPath + " 200");
        assertThat(PulledLayout.sha256(PulledLayout.blob(pulled.layout(), config))).isEqualTo(config);
        assertThat(pulled.manifestDigest()).isEqualTo(demo.baseManifestDigest());
    }

    @Test
    void shouldRetryStalledBlobDownload(@TempDir Path cache) throws Exception {
        String config = baseConfigDigest();
        server.stallOnce(config);
        RegistryOptions impatient = options(cache, 3).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(impatient)) {
            pulled = client.pull(reference(), null);
        }

        String configPath = "/v2/demo/blobs/" + config;
        assertThat(server.requests()).containsSubsequence(configPath + " stalled", configPath + " 200");
        assertThat(PulledLayout.sha256(PulledLayout.blob(pulled.layout(), config))).isEqualTo(config);
    }

    @Test
    void shouldDropAuthorizationOnRedirectToOtherHost(@TempDir Path cache) throws Exception {
        String basic = RegistryCredentials.basic("tester", "pass").basicAuthorization();
        Path config = Files.writeString(cache.resolveSibling(cache.getFileName() + "-config.json"),
                "{\"auths\":{\"" + server.endpoint() + "\":{\"username\":\"tester\",\"password\":\"pass\"}}}");
        PulledImage pulled;
        try (LayoutRegistryServer storage = new LayoutRegistryServer(DemoImage.LAYOUT)) {
            server.requireAuthorization(basic);
            server.redirectBlobsTo("http://" + storage.endpoint());
            RegistryOptions withStorage = options(cache, 3)
                    .withInsecureRegistries(Set.of(server.endpoint(), storage.endpoint()))
                    .withDockerConfig(config, List.of());
            try (RegistryClient client = new RegistryClient(withStorage)) {
                pulled = client.pull(reference(), null);
            }

            assertThat(storage.requests()).hasSize(2).allMatch(request -> request.endsWith(" 200"));
            assertThat(storage.authorizations()).containsOnly("none");
        }
        assertThat(server.authorizations()).startsWith("none").contains(basic);
        assertThat(server.requests()).filteredOn(request -> request.contains("/blobs/")).allMatch(r -> r.endsWith(" 307"));
        assertThat(pulled.manifestDigest()).isEqualTo(DemoImage.load().baseManifestDigest());
    }

    @Test
    void shouldRejectDamagedBlob(@TempDir Path cache) throws Exception {
        String config = baseConfigDigest();
        server.corrupt(config);
        try (RegistryClient client = new RegistryClient(options(cache, 3))) {
            assertThatThrownBy(() -> client.pull(reference(), null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Blob " + config + " from " + server.endpoint() + "/demo does not match its descriptor")
                    .hasMessageContaining("expected " + Files.size(DemoImage.blob(config)) + " bytes");
        }
        assertThat(new BlobStore(cache).contains(config, -1)).isFalse();
        try (var temporary = Files.list(cache.resolve("blobs").resolve("tmp"))) {
            assertThat(temporary).isEmpty();
        }
    }

    @Test
    void shouldReportTimeout(@TempDir Path cache) throws Exception {
        server.delay(Duration.ofSeconds(3));
        RegistryOptions impatient = options(cache, 3).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (RegistryClient client = new RegistryClient(impatient)) {
            assertThatThrownBy(() -> client.pull(reference(), null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Registry " + server.endpoint() + " did not respond within 1 s for " + reference());
        }
    }

    private static String baseConfigDigest() throws Exception {
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DemoImage.blob(DemoImage.load().baseManifestDigest()).toFile());
        return manifest.path("config").path("digest").asText();
    }
}
