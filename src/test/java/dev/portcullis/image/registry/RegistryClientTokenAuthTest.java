package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from a real {@code docker-registry} configured for bearer token authentication against a
 * token server in this test that signs RS256 JWTs. The registry contains the shared demo image
 * ({@code ../shared/fixtures/images/demo-nest-api/oci}, tag {@code demo-nest-api}) as {@code demo:1}.
 */
class RegistryClientTokenAuthTest {

    private static final String USER = "tester";
    private static final String PASSWORD = "token-pass";
    private static final String REFRESH_TOKEN = "refresh-7f3a";

    @TempDir
    static Path work;

    private static LocalRegistry registry;
    private static TokenServer tokens;

    @BeforeAll
    static void startRegistry() throws Exception {
        LocalRegistry.assumeInstalled();
        Path signer = Files.createDirectories(work.resolve("signer"));
        Tools.run(List.of(TestCertificates.OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "2", "-keyout", signer.resolve("key.pem").toString(),
                "-out", signer.resolve("cert.pem").toString(), "-subj", "/CN=Portcullis Test Token Signer"));
        tokens = new TokenServer(signer.resolve("key.pem"), signer.resolve("cert.pem"), USER, PASSWORD, REFRESH_TOKEN);
        Path storage = LocalRegistry.filledStorage(work);
        registry = LocalRegistry.start(work.resolve("token"), storage, """
                auth:
                  token:
                    realm: %s
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER, signer.resolve("cert.pem")));
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.stop();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    private static RegistryOptions options(Path folder, String authEntry) throws Exception {
        Path config = Files.writeString(folder.resolve("config.json"),
                "{\"auths\": {\"" + registry.endpoint() + "\": " + authEntry + "}}");
        return RegistryOptions.defaults()
                .withInsecureRegistries(Set.of(registry.endpoint(), tokens.endpoint()))
                .withDockerConfig(config, List.of())
                .withCacheFolder(folder.resolve("cache"))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    private static String basicEntry(String password) {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        return "{\"auth\": \"" + auth + "\"}";
    }

    @Test
    void shouldPullWithBearerToken(@TempDir Path folder) throws Exception {
        int tokenRequestsBefore = tokens.authenticatedRequests();
        long blobsBefore = registry.blobDownloads();
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(folder, basicEntry(PASSWORD)))) {
            pulled = client.pull(registry.endpoint() + "/demo:1", null);
        }

        DemoImage demo = DemoImage.load();
        PulledLayout layout = PulledLayout.read(pulled.layout());
        assertThat(layout.manifestDigest()).isEqualTo(demo.manifestDigest());
        assertThat(layout.layerDigests()).containsExactlyElementsOf(demo.layerDigests());
        assertThat(registry.awaitBlobDownloads(blobsBefore + 4) - blobsBefore).isEqualTo(4);
        assertThat(tokens.authenticatedRequests() - tokenRequestsBefore).isEqualTo(1);
    }

    @Test
    void shouldPullWithIdentityToken(@TempDir Path folder) throws Exception {
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(
                options(folder, "{\"identitytoken\": \"" + REFRESH_TOKEN + "\"}"))) {
            pulled = client.pull(registry.endpoint() + "/demo:1", null);
        }

        assertThat(pulled.manifestDigest()).isEqualTo(DemoImage.load().manifestDigest());
    }

    @Test
    void shouldReportRejectedPassword(@TempDir Path folder) throws Exception {
        try (RegistryClient client = new RegistryClient(options(folder, basicEntry("wrong")))) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Registry " + registry.endpoint() + " rejected the credentials of user "
                            + USER + " for " + registry.endpoint() + "/demo:1 (HTTP 401)");
        }
    }

    @Test
    void shouldReportAnonymousTokenWithoutAccess(@TempDir Path folder) throws Exception {
        try (RegistryClient client = new RegistryClient(options(folder, "{}"))) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("Registry " + registry.endpoint() + " requires authentication for "
                            + registry.endpoint() + "/demo:1 (HTTP 401)");
        }
    }

    @Test
    void shouldRejectPlainHttpTokenRealm(@TempDir Path folder) throws Exception {
        RegistryOptions realmNotAllowed = options(folder, basicEntry(PASSWORD))
                .withInsecureRegistries(Set.of(registry.endpoint()));
        try (RegistryClient client = new RegistryClient(realmNotAllowed)) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("sends token requests to " + tokens.realm() + ", which is not HTTPS")
                    .hasMessageContaining("--insecure-registry " + tokens.endpoint());
        }
    }
}
