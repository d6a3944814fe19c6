package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans an image where it lives: a real registry on 127.0.0.1 holding the demo image
 * ({@code ../shared/fixtures/images/demo-nest-api/oci}) must give the same inventory as the layout itself.
 */
class RegistryScanTest {

    @TempDir
    static Path work;

    private static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        LocalRegistry.assumeInstalled();
        Path storage = LocalRegistry.filledStorage(work);
        registry = LocalRegistry.start(work.resolve("serve"), storage, "");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldScanRegistryImageLikeItsLayout() throws IOException {
        Path fromRegistry = work.resolve("registry.json");
        Path fromLayout = work.resolve("layout.json");

        int registryExit = Main.run("scan", registry.endpoint() + "/demo:1", "--insecure-registry", registry.endpoint(),
                "--cache-dir", work.resolve("cache").toString(), "--format", "json", "--quiet",
                "--output", fromRegistry.toString());
        int layoutExit = Main.run("scan", DemoImage.LAYOUT + ":" + DemoImage.TAG, "--format", "json", "--quiet",
                "--output", fromLayout.toString());

        assertThat(registryExit).isZero();
        assertThat(layoutExit).isZero();
        JsonNode pulled = new ObjectMapper().readTree(Files.readString(fromRegistry));
        JsonNode local = new ObjectMapper().readTree(Files.readString(fromLayout));
        assertThat(pulled.path("image").path("kind").asText()).isEqualTo("registry");
        assertThat(pulled.path("image").path("reference").asText()).isEqualTo(registry.endpoint() + "/demo:1");
        assertThat(pulled.path("image").path("manifestDigest")).isEqualTo(local.path("image").path("manifestDigest"));
        assertThat(packageKeys(pulled)).hasSize(448).containsExactlyElementsOf(packageKeys(local));
    }

    @Test
    void shouldRejectPlainHttpWithoutInsecureFlag() {
        int exit = Main.run("scan", registry.endpoint() + "/demo:1", "--cache-dir", work.resolve("cache2").toString(),
                "--quiet");

        assertThat(exit).isEqualTo(2);
    }

    private static List<String> packageKeys(JsonNode inventory) {
        List<String> keys = new ArrayList<>();
        for (JsonNode pkg : inventory.path("packages")) {
            keys.add(pkg.path("purl").asText() + " " + pkg.path("locations") + " " + pkg.path("layer").path("digest"));
        }
        return keys;
    }
}
