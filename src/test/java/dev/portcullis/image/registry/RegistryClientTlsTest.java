package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pulls over TLS from a real {@code docker-registry} whose certificate comes from a CA made in the
 * test. The registry contains the shared demo image ({@code ../shared/fixtures/images/demo-nest-api/oci},
 * tag {@code demo-nest-api}) as {@code demo:1}.
 */
class RegistryClientTlsTest {

    @TempDir
    static Path work;

    private static LocalRegistry registry;
    private static TestCertificates certificates;

    @BeforeAll
    static void startRegistry() throws Exception {
        LocalRegistry.assumeInstalled();
        certificates = TestCertificates.create(work.resolve("pki"));
        Path storage = LocalRegistry.filledStorage(work);
        registry = LocalRegistry.start(work.resolve("tls"), storage, """
                tls:
                  certificate: %s
                  key: %s
                """.formatted(certificates.serverCertificate(), certificates.serverKey()), "");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.stop();
        }
    }

    private static RegistryOptions options(Path cache) {
        return RegistryOptions.defaults()
                .withDockerConfig(null, List.of())
                .withCacheFolder(cache)
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    @Test
    void shouldPullWithRegistryCa(@TempDir Path cache) throws Exception {
        DemoImage demo = DemoImage.load();
        PulledImage pulled;
        try (RegistryClient client = new RegistryClient(options(cache).withCaFile(certificates.caCertificate()))) {
            pulled = client.pull(registry.endpoint() + "/demo:1", null);
        }

        PulledLayout layout = PulledLayout.read(pulled.layout());
        assertThat(layout.manifestDigest()).isEqualTo(demo.manifestDigest());
        assertThat(layout.configDigest()).isEqualTo(demo.configDigest());
        assertThat(layout.layerDigests()).containsExactlyElementsOf(demo.layerDigests());
    }

    @Test
    void shouldSuggestRegistryCaWhenUnknown(@TempDir Path cache) throws Exception {
        try (RegistryClient client = new RegistryClient(options(cache))) {
            assertThatThrownBy(() -> client.pull(registry.endpoint() + "/demo:1", null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("TLS handshake with registry " + registry.endpoint() + " failed for "
                            + registry.endpoint() + "/demo:1")
                    .hasMessageContaining("pass the CA certificate with --registry-ca FILE");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty file        | ''                                                        | contains no certificate
            text, not PEM     | not a certificate                                         | Cannot read the registry CA file
            damaged PEM block | '-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----' | Cannot read the registry CA file
            missing file      | -                                                         | Cannot read the registry CA file
            """)
    void shouldRejectUnusableCaFile(String name, String content, String message, @TempDir Path folder)
            throws Exception {
        Path caFile = folder.resolve("ca.pem");
        if (!content.equals("-")) {
            Files.writeString(caFile, content.replace("\\n", "\n"));
        }

        assertThatThrownBy(() -> new RegistryClient(options(folder).withCaFile(caFile)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(message)
                .hasMessageContaining(caFile.toString())
                .hasMessageContaining("--registry-ca");
    }
}
