package dev.portcullis.catalog;

import dev.portcullis.image.FileVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the layer that added each package by reading every layer's copy of a package database. A
 * package key (name, version, architecture) is attributed to the oldest layer whose copy and every later
 * copy list it, so a package removed and installed again belongs to the layer that installed it last.
 *
 * <p>Example: copies in layers 0 and 1 both listing {@code libc6 2.36-9}, and only the copy in layer 1
 * listing {@code openssl 3.0.15-1} give {@code libc6 -> 0} and {@code openssl -> 1}.
 */
public final class LayerAttribution {

    private static final Logger LOG = LoggerFactory.getLogger(LayerAttribution.class);

    /** Reads the package keys from one copy of the database. */
    @FunctionalInterface
    public interface KeyReader {
        Set<String> keys(InputStream content) throws IOException;
    }

    private LayerAttribution() {}

    /**
     * Returns the layer index that added each key of the newest copy. Keys absent from the newest copy
     * are left out. A copy that cannot be read is ignored, as if its packages stayed installed, because
     * removing and reinstalling the same version between two layers is rare.
     */
    public static Map<String, Integer> addedIn(List<FileVersion> versions, KeyReader reader) {
        Map<String, Integer> since = new HashMap<>();
        for (FileVersion version : versions) {
            Set<String> keys = read(version, reader);
            if (keys == null) {
                continue;
            }
            since.keySet().retainAll(keys);
            for (String key : keys) {
                since.putIfAbsent(key, version.layerIndex());
            }
        }
        return since;
    }

    /** Returns the keys of one copy, or null when it cannot be read. */
    private static Set<String> read(FileVersion version, KeyReader reader) {
        try (InputStream in = version.open()) {
            return new HashSet<>(reader.keys(in));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Failed to read the copy of a package database in layer {}; layer attribution ignores that "
                    + "copy: {}", version.layerIndex(), e.toString());
            return null;
        }
    }

    /** Returns the key of a package in {@link #addedIn}. */
    public static String key(String name, String version, String architecture) {
        return name + "\u0000" + version + "\u0000" + (architecture == null ? "" : architecture);
    }
}
