package dev.portcullis.catalog.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.Layer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Test-only reader of an OCI image layout: extracts the regular files that a predicate accepts from
 * the gzip layers of one tag into a folder, later layers over earlier ones, and records which layer
 * wrote each file. Whiteout entries ({@code .wh.<name>}) delete what earlier layers wrote. It replaces
 * the product's image reader in tests so that catalogers can be tested on a real image.
 */
final class OciLayoutExtract {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OciLayoutExtract() {}

    /** Returns the layer index of every extracted file, keyed by absolute image path. */
    static Map<String, Integer> extract(Path layout, String tag, Predicate<String> accept, Path target) throws IOException {
        JsonNode manifest = MAPPER.readTree(blob(layout, manifestDigest(layout, tag)).toFile());
        Map<String, Integer> layerByPath = new HashMap<>();
        int index = 0;
        for (JsonNode layer : manifest.get("layers")) {
            extractLayer(blob(layout, layer.get("digest").asText()), index, accept, target, layerByPath);
            index++;
        }
        return layerByPath;
    }

    private static String manifestDigest(Path layout, String tag) throws IOException {
        JsonNode index = MAPPER.readTree(layout.resolve("index.json").toFile());
        for (JsonNode manifest : index.get("manifests")) {
            if (tag.equals(manifest.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                return manifest.get("digest").asText();
            }
        }
        throw new IOException("tag " + tag + " not found in " + layout.resolve("index.json"));
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static void extractLayer(Path blob, int index, Predicate<String> accept, Path target,
            Map<String, Integer> layerByPath) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(blob), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (name.startsWith(".wh.")) {
                    deleteWhitedOut(path, name, target, layerByPath);
                } else if (entry.isFile() && accept.test(path)) {
                    Path out = target.resolve(path.substring(1)).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("layer entry escapes the extraction folder: " + path);
                    }
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    layerByPath.put(path, index);
                }
            }
        }
    }

    private static void deleteWhitedOut(String path, String name, Path target, Map<String, Integer> layerByPath)
            throws IOException {
        String folder = path.substring(0, path.lastIndexOf('/'));
        boolean opaque = name.equals(".wh..wh..opq");
        String deleted = folder + "/" + name.substring(".wh.".length());
        List<String> removed = layerByPath.keySet().stream()
                .filter(existing -> opaque
                        ? existing.startsWith(folder + "/")
                        : existing.equals(deleted) || existing.startsWith(deleted + "/"))
                .toList();
        for (String existing : removed) {
            layerByPath.remove(existing);
            Files.deleteIfExists(target.resolve(existing.substring(1)));
        }
    }

    /** Returns the layers of a tag as the catalog model describes them. */
    static List<Layer> layers(Path layout, String tag) throws IOException {
        JsonNode manifest = MAPPER.readTree(blob(layout, manifestDigest(layout, tag)).toFile());
        List<Layer> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("layers")) {
            layers.add(new Layer(layers.size(), layer.get("digest").asText(), null, layer.get("size").asLong(),
                    layer.get("mediaType").asText(), null));
        }
        return layers;
    }
}
