package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists tags and resolves tag digests on a real {@code docker-registry} filled with the shared demo
 * image ({@code ../shared/fixtures/images/demo-nest-api/oci}, tags {@code demo-nest-api} and
 * {@code bookworm-minbase}) under the tags {@code 1}, {@code base}, {@code docker-list},
 * {@code docker-v2} and {@code multi}.
 */
class RegistryClientTagsTest {

    @TempDir
    static Path work;

    private static LocalRegistry registry;
    private static DemoImage demo;

    @TempDir
    Path cache;

    @BeforeAll
    static void startRegistry() throws Exception {
        LocalRegistry.assumeInstalled();
        demo = DemoImage.load();
        registry = LocalRegistry.start(work.resolve("tags"), LocalRegistry.filledStorage(work), "");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private RegistryClient client() throws ImageException {
        return new RegistryClient(RegistryOptions.defaults()
                .withInsecureRegistries(Set.of(registry.endpoint()))
                .withDockerConfig(null, List.of())
                .withCacheFolder(cache)
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(100)));
    }

    @Test
    void shouldListTags() throws Exception {
        List<String> tags;
        try (RegistryClient client = client()) {
            tags = client.listTags(registry.endpoint() + "/demo:ignored");
        }

        assertThat(tags).containsExactlyInAnyOrder("1", "base", "docker-list", "docker-v2", "multi");
    }

    @Test
    void shouldRejectTagsOfMissingRepository() throws Exception {
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.listTags(registry.endpoint() + "/absent"))
                    .isInstanceOf(ImageException.class)
                    .hasMessage("Repository absent not found on registry " + registry.endpoint()
                            + " (HTTP 404, NAME_UNKNOWN: repository name not known to registry). Check the name");
        }
    }

    @Test
    void shouldResolveManifestTag() throws Exception {
        TagDigest digest;
        try (RegistryClient client = client()) {
            digest = client.resolveTag(registry.endpoint() + "/demo:1");
        }

        assertThat(digest.digest()).isEqualTo(demo.manifestDigest());
        assertThat(digest.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(digest.manifestDigests()).isEmpty();
    }

    @Test
    void shouldResolveIndexTagWithPlatformManifests() throws Exception {
        TagDigest digest;
        try (RegistryClient client = client()) {
            digest = client.resolveTag(registry.endpoint() + "/demo:multi");
        }

        assertThat(digest.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(digest.digest()).isNotEqualTo(demo.manifestDigest()).startsWith("sha256:");
        assertThat(digest.manifestDigests()).containsExactly(demo.baseManifestDigest(), demo.manifestDigest());
        assertThat(digest.contains(demo.manifestDigest())).isTrue();
        assertThat(digest.contains(demo.configDigest())).isFalse();
    }

    @Test
    void shouldRejectMissingTag() throws Exception {
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.resolveTag(registry.endpoint() + "/demo:absent"))
                    .isInstanceOf(ImageException.class)
                    .hasMessageStartingWith("Image " + registry.endpoint() + "/demo:absent not found on registry "
                            + registry.endpoint());
        }
    }
}
