package dev.portcullis.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Test helper that copies chosen regular files out of each gzip layer of an OCI image layout, one folder
 * per layer, so catalogers can be tested on real layers before the image reader exists. Links and
 * whiteouts are not copied.
 */
public final class OciLayoutLayers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayoutLayers() {}

    /** Returns one folder per layer of the tagged image, oldest first, holding the wanted paths it contains. */
    public static List<Path> extract(Path layout, String tag, Set<String> wanted, Path target) throws IOException {
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        String manifestDigest = null;
        for (JsonNode manifest : index.path("manifests")) {
            if (tag.equals(manifest.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                manifestDigest = manifest.path("digest").asText();
            }
        }
        if (manifestDigest == null) {
            throw new IOException("tag " + tag + " not found in " + layout.resolve("index.json"));
        }
        JsonNode manifest = JSON.readTree(blob(layout, manifestDigest).toFile());
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            Path folder = target.resolve("layer" + layers.size());
            Files.createDirectories(folder);
            copyWanted(blob(layout, layer.path("digest").asText()), wanted, folder);
            layers.add(folder);
        }
        return layers;
    }

    private static void copyWanted(Path blob, Set<String> wanted, Path folder) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(blob));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("^/+", "");
                if (entry.isFile() && wanted.contains(path)) {
                    Path out = folder.resolve(path.substring(1));
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                }
            }
        }
    }

    private static Path blob(Path layout, String digest) {
        String[] parts = digest.split(":", 2);
        return layout.resolve("blobs").resolve(parts[0]).resolve(parts[1]);
    }
}
