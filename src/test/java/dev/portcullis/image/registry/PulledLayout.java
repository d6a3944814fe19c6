package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The content of a pulled OCI layout, read back from its files for assertions. */
record PulledLayout(String layoutVersion, String refName, String manifestDigest, String manifestMediaType,
        String configDigest, List<String> layerDigests) {

    static PulledLayout read(Path layout) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String version = json.readTree(layout.resolve("oci-layout").toFile()).path("imageLayoutVersion").asText();
        JsonNode entry = json.readTree(layout.resolve("index.json").toFile()).path("manifests").path(0);
        String manifestDigest = entry.path("digest").asText();
        JsonNode manifest = json.readTree(blob(layout, manifestDigest).toFile());
        List<String> layers = new ArrayList<>();
        manifest.path("layers").forEach(layer -> layers.add(layer.path("digest").asText()));
        return new PulledLayout(version, entry.path("annotations").path("org.opencontainers.image.ref.name").asText(),
                manifestDigest, entry.path("mediaType").asText(), manifest.path("config").path("digest").asText(), layers);
    }

    static List<String> refNames(Path layout) throws IOException {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(layout.resolve("index.json").toFile()).path("manifests")
                .forEach(entry -> names.add(entry.path("annotations").path("org.opencontainers.image.ref.name").asText()));
        return names;
    }

    static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
