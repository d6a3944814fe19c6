package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.image.ImageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from a real {@code docker-registry} with htpasswd (bcrypt) basic authentication, with the
 * credentials in a Docker {@code config.json} or behind a credential helper. The registry contains the
 * shared demo image ({@code ../shared/fixtures/images/demo-nest-api/oci}) as {@code demo:1}.
 */
class RegistryClientBasicAuthTest {

    static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");
    private static final String USER = "tester";
    private static final String PASSWORD = "s3cret-pass";

    @TempDir
    static Path work;

    private static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        LocalRegistry.assumeInstalled();
        assumeTrue(Files.isExecutable(HTPASSWD), "basic auth tests need " + HTPASSWD
                + " to make bcrypt entries: install the Debian package apache2-utils");
        Path storage = LocalRegistry.filledStorage(work);
        Path htpasswd = work.resolve("htpasswd");
        Files.writeString(htpasswd, Tools.run(List.of(HTPASSWD.toString(), "-nbB", USER, PASSWORD)));
        registry = LocalRegistry.start(work.resolve("auth"), storage, """
                auth:
                  htpasswd:
                    realm: portcullis-test
                    path: %s
                """.formatted(htpasswd));
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.stop();
        }
    }

    private static RegistryOptions options(Path cache, Path dockerConfig, List<Path> helperDirs) {
        return RegistryOptions.defaults()
                .withInsecureRegistries(Set.of(registry.endpoint()))
                .withDockerConfig(dockerConfig, helperDirs)
                .withCacheFolder(cache)
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    private static Path authsConfig(Path folder, String user, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Files.writeString(folder.resolve("config.json"), """
                {"auths": {"%s": {"auth": "%s"}}}
                """.formatted(registry.endpoint(), auth));
    }

    @Test
    void shouldPullWithAuthsEntry(@TempDir Path folder) throws Exception {
        Path config = authsConfig(folder, USER, PASSWORD);
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(folder.resolve("cache"), config, List.of()))) {
            pulled = client.pull(registry.endpoint() + "/demo:1", null);
        }

        assertThat(pulled.manifestDigest()).isEqualTo(DemoImage.load().manifestDigest());
        assertThat(pulled.blobsDownloaded()).isEqualTo(4);
    }

    @Test
    void shouldPullWithCredentialHelper(@TempDir Path folder) throws Exception {
        Path helpers = Files.createDirectories(folder.resolve("bin"));
        Path helper = helpers.resolve("docker-credential-portcullis-test");
        Files.writeString(helper, """
                #!/bin/sh
                read -r server
                if [ "$server" = "%s" ]; then
                  printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}' "$server"
                else
                  echo "credentials not found in native keychain"
                  exit 1
                fi
                """.formatted(registry.endpoint(), USER, PASSWORD));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.writeString(folder.resolve("config.json"), """
                {"auths": {}, "credsStore": "portcullis-test"}
                """);
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(folder.resolve("cache"), config, List.of(helpers)))) {
            pulled = client.pull(registry.endpoint() + "/demo:1", null);
        }

        assertThat(pulled.manifestDigest()).isEqualTo(DemoImage.load().manifestDigest());
    }

    @Test
    void shouldReportWrongPassword(@TempDir Path folder) throws Exception {
        Path config = authsConfig(folder, USER, "wrong-password");
        try (RegistryClient client = new RegistryClient(options(folder.resolve("cache"), config, List.of()))) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Registry " + registry.endpoint() + " rejected the credentials of user "
                            + USER + " for " + registry.endpoint() + "/demo:1 (HTTP 401)")
                    .hasMessageContaining("docker login " + registry.endpoint())
                    .hasMessageNotContaining("wrong-password");
        }
    }

    @Test
    void shouldReportMissingCredentials(@TempDir Path folder) throws Exception {
        Path config = folder.resolve("absent-config.json");
        try (RegistryClient client = new RegistryClient(options(folder.resolve("cache"), config, List.of()))) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Registry " + registry.endpoint() + " requires authentication for "
                            + registry.endpoint() + "/demo:1 (HTTP 401)")
                    .hasMessageContaining("docker login " + registry.endpoint());
        }
    }
}
