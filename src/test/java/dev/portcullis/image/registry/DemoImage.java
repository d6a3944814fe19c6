package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Digests of the shared demo image, read from its OCI layout
 * {@code ../shared/fixtures/images/demo-nest-api/oci} (tags {@code demo-nest-api} and
 * {@code bookworm-minbase}).
 */
record DemoImage(String manifestDigest, long manifestSize, String configDigest, List<String> layerDigests,
        String baseManifestDigest, long baseManifestSize) {

    static final Path LAYOUT = Path.of("../shared/fixtures/images/demo-nest-api/oci").toAbsolutePath().normalize();
    static final String TAG = "demo-nest-api";
    static final String BASE_TAG = "bookworm-minbase";

    static DemoImage load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode index = json.readTree(LAYOUT.resolve("index.json").toFile());
        JsonNode demo = entry(index, TAG);
        JsonNode base = entry(index, BASE_TAG);
        String manifestDigest = demo.path("digest").asText();
        JsonNode manifest = json.readTree(blob(manifestDigest).toFile());
        List<String> layers = new ArrayList<>();
        manifest.path("layers").forEach(layer -> layers.add(layer.path("digest").asText()));
        return new DemoImage(manifestDigest, demo.path("size").asLong(),
                manifest.path("config").path("digest").asText(), layers,
                base.path("digest").asText(), base.path("size").asLong());
    }

    static Path blob(String digest) {
        return LAYOUT.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    static boolean present() {
        return Files.isRegularFile(LAYOUT.resolve("index.json"));
    }

    private static JsonNode entry(JsonNode index, String tag) {
        for (JsonNode entry : index.path("manifests")) {
            if (tag.equals(entry.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                return entry;
            }
        }
        throw new IllegalStateException("no tag " + tag + " in " + LAYOUT);
    }
}
