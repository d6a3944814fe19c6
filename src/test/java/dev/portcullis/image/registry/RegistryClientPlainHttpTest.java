package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pulls over plain HTTP from a real {@code docker-registry} holding the shared demo image
 * ({@code ../shared/fixtures/images/demo-nest-api/oci}, tag {@code demo-nest-api}) as {@code demo:1}.
 */
class RegistryClientPlainHttpTest {

    @TempDir
    static Path work;

    private static LocalRegistry registry;
    private static DemoImage demo;

    @BeforeAll
    static void startRegistry() throws Exception {
        LocalRegistry.assumeInstalled();
        demo = DemoImage.load();
        Path storage = LocalRegistry.filledStorage(work);
        registry = LocalRegistry.start(work.resolve("plain"), storage, "");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.stop();
        }
    }

    private RegistryOptions options(Path cache) {
        return RegistryOptions.defaults()
                .withInsecureRegistries(Set.of(registry.endpoint()))
                .withDockerConfig(null, java.util.List.of())
                .withCacheFolder(cache)
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    @Test
    void shouldPullImageWithSourceDigests(@TempDir Path cache) throws Exception {
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            pulled = client.pull(registry.endpoint() + "/demo:1", null);
        }

        PulledLayout layout = PulledLayout.read(pulled.layout());
        assertThat(pulled.tag()).isEqualTo("1");
        assertThat(pulled.manifestDigest()).isEqualTo(demo.manifestDigest());
        assertThat(layout.layoutVersion()).isEqualTo("1.0.0");
        assertThat(layout.refName()).isEqualTo("1");
        assertThat(layout.manifestDigest()).isEqualTo(demo.manifestDigest());
        assertThat(layout.manifestMediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(layout.configDigest()).isEqualTo(demo.configDigest());
        assertThat(layout.layerDigests()).containsExactlyElementsOf(demo.layerDigests());
        assertThat(pulled.blobsDownloaded()).isEqualTo(4);
        assertThat(pulled.blobsReused()).isZero();
        for (String digest : demo.layerDigests()) {
            assertThat(PulledLayout.sha256(PulledLayout.blob(pulled.layout(), digest))).isEqualTo(digest);
        }
    }

    @Test
    void shouldPullDockerV2Manifest(@TempDir Path cache) throws Exception {
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            pulled = client.pull(registry.endpoint() + "/demo:docker-v2", null);
        }

        PulledLayout layout = PulledLayout.read(pulled.layout());
        assertThat(layout.manifestMediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(layout.manifestDigest()).isEqualTo(pulled.manifestDigest()).isNotEqualTo(demo.manifestDigest());
        assertThat(layout.configDigest()).isEqualTo(demo.configDigest());
        assertThat(layout.layerDigests()).containsExactlyElementsOf(demo.layerDigests());
        assertThat(layout.refName()).isEqualTo("docker-v2");
    }

    @Test
    void shouldPickPlatformFromDockerManifestList(@TempDir Path cache) throws Exception {
        PulledImage single;
        PulledImage fromList;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            single = client.pull(registry.endpoint() + "/demo:docker-v2", null);
            fromList = client.pull(registry.endpoint() + "/demo:docker-list", "linux/amd64");
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:docker-list", "linux/arm64"))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("it offers: linux/amd64.");
        }

        assertThat(fromList.manifestDigest()).isEqualTo(single.manifestDigest());
        assertThat(fromList.platform()).isEqualTo(new Platform("linux", "amd64", null));
        assertThat(fromList.blobsDownloaded()).isZero();
        assertThat(fromList.layout()).isEqualTo(single.layout());
        assertThat(PulledLayout.refNames(fromList.layout())).containsExactly("docker-v2", "docker-list");
    }

    @Test
    void shouldDownloadNothingOnSecondPull(@TempDir Path cache) throws Exception {
        long before = registry.blobDownloads();
        PulledImage first;
        PulledImage second;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            first = client.pull(registry.endpoint() + "/demo:1", null);
        }
        long afterFirst = registry.awaitBlobDownloads(before + 4);
        Path layer = PulledLayout.blob(first.layout(), demo.layerDigests().getFirst());
        Object inode = Files.readAttributes(layer, "unix:ino").get("ino");
        try (RegistryClient client = new RegistryClient(options(cache))) {
            second = client.pull(registry.endpoint() + "/demo:1", null);
        }

        assertThat(afterFirst - before).isEqualTo(4);
        // A download that the second pull wrongly made would show up within the same wait.
        assertThat(registry.awaitBlobDownloads(afterFirst + 1)).isEqualTo(afterFirst);
        assertThat(second.blobsDownloaded()).isZero();
        assertThat(second.blobsReused()).isEqualTo(4);
        assertThat(second.layout()).isEqualTo(first.layout());
        assertThat(Files.readAttributes(layer, "unix:ino").get("ino")).isEqualTo(inode);
        assertThat(Files.readAttributes(layer, "unix:nlink").get("nlink")).isEqualTo(2);
    }

    @Test
    void shouldShareCachedBlobsAcrossImages(@TempDir Path cache) throws Exception {
        PulledImage base;
        PulledImage full;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            base = client.pull(registry.endpoint() + "/demo:base", null);
            full = client.pull(registry.endpoint() + "/demo:1", null);
        }

        assertThat(base.manifestDigest()).isEqualTo(demo.baseManifestDigest());
        assertThat(base.blobsDownloaded()).isEqualTo(2);
        assertThat(full.blobsReused()).isEqualTo(1);
        assertThat(full.blobsDownloaded()).isEqualTo(3);
    }

    @Test
    void shouldPullByDigestWithoutTag(@TempDir Path cache) throws Exception {
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            pulled = client.pull(registry.endpoint() + "/demo@" + demo.manifestDigest(), null);
        }

        assertThat(pulled.manifestDigest()).isEqualTo(demo.manifestDigest());
        assertThat(pulled.tag()).isEqualTo(demo.manifestDigest().substring("sha256:".length()));
        assertThat(PulledLayout.read(pulled.layout()).refName()).isEqualTo(pulled.tag());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "linux/amd64,    demo, ",
        ",               demo, ",
        "linux/arm64/v8, base, v8",
        "linux/arm64,    base, v8",
    })
    void shouldPickPlatformFromIndex(String platform, String expectedImage, String expectedVariant,
            @TempDir Path cache) throws Exception {
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            pulled = client.pull(registry.endpoint() + "/demo:multi", platform);
        }

        String expected = expectedImage.equals("demo") ? demo.manifestDigest() : demo.baseManifestDigest();
        assertThat(pulled.manifestDigest()).isEqualTo(expected);
        assertThat(pulled.platform().variant()).isEqualTo(expectedVariant);
        assertThat(PulledLayout.read(pulled.layout()).manifestDigest()).isEqualTo(expected);
    }

    @Test
    void shouldListPlatformsWhenMissing(@TempDir Path cache) throws Exception {
        try (RegistryClient client = new RegistryClient(options(cache))) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:multi", "linux/s390x"))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("has no manifest for platform linux/s390x")
                    .hasMessageContaining("it offers: linux/arm64/v8, linux/amd64")
                    .hasMessageContaining("--platform");
        }
    }

    @Test
    void shouldRejectSingleImageOfOtherPlatform(@TempDir Path cache) throws Exception {
        try (RegistryClient client = new RegistryClient(options(cache))) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", "linux/arm64"))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Image " + registry.endpoint() + "/demo:1 is built for linux/amd64 only,"
                            + " not for the requested platform linux/arm64")
                    .hasMessageContaining("--platform linux/amd64");
        }
    }

    @Test
    void shouldAcceptSingleImageOfRequestedPlatform(@TempDir Path cache) throws Exception {
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            pulled = client.pull(registry.endpoint() + "/demo:1", "linux/amd64");
        }

        assertThat(pulled.manifestDigest()).isEqualTo(demo.manifestDigest());
        assertThat(pulled.platform()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "demo:2, MANIFEST_UNKNOWN",
        // docker-registry 2.8 returns MANIFEST_UNKNOWN for an unknown repository as well.
        "nothing-here:1, MANIFEST_UNKNOWN",
    })
    void shouldReportUnknownImage(String image, String registryCode, @TempDir Path cache) throws Exception {
        String reference = registry.endpoint() + "/" + image;
        try (RegistryClient client = new RegistryClient(options(cache))) {
            assertThatThrownBy(() -> client.pull(reference, null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Image " + reference + " not found on registry " + registry.endpoint())
                    .hasMessageContaining("the repository or tag does not exist (HTTP 404, " + registryCode)
                    .hasMessageContaining("Check the name and tag");
        }
    }

    @Test
    void shouldSuggestInsecureRegistryForPlainHttp(@TempDir Path cache) throws Exception {
        RegistryOptions tlsOnly = options(cache).withInsecureRegistries(Set.of());
        try (RegistryClient client = new RegistryClient(tlsOnly)) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("TLS handshake with registry " + registry.endpoint() + " failed")
                    .hasMessageContaining("--insecure-registry " + registry.endpoint());
        }
    }

    @Test
    void shouldReportStoppedRegistry(@TempDir Path cache) throws Exception {
        LocalRegistry stopped = LocalRegistry.start(work.resolve("stopped"), work.resolve("storage"), "");
        RegistryOptions stoppedOptions = options(cache).withInsecureRegistries(Set.of(stopped.endpoint()));
        stopped.stop();

        try (RegistryClient client = new RegistryClient(stoppedOptions)) {
            assertThatThrownBy(() -> client.pull(stopped.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Cannot connect to registry " + stopped.endpoint())
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("Check that the registry is running");
        }
    }
}
