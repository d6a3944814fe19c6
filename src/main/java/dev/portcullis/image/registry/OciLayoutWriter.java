package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an OCI image layout for one pulled image manifest: {@code oci-layout}, an {@code index.json}
 * with one entry per tag pulled for that manifest, each carrying the tag as
 * {@code org.opencontainers.image.ref.name}, and {@code blobs/sha256/} entries hard-linked from the blob
 * store (copied where links fail). Tags of the same manifest share the layout, so an entry for one tag
 * stays when another tag is pulled.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image layout</a>
 */
final class OciLayoutWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OciLayoutWriter.class);
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final BlobStore store;
    private final ObjectMapper json = new ObjectMapper();

    OciLayoutWriter(BlobStore store) {
        this.store = store;
    }

    /** Fills {@code layout} with the manifest and blobs and adds or replaces the tag's index entry. */
    void write(Path layout, Descriptor manifest, String refName, List<String> blobDigests) throws ImageException {
        try {
            Path blobs = layout.resolve("blobs").resolve("sha256");
            Files.createDirectories(blobs);
            for (String digest : blobDigests) {
                link(store.path(digest), blobs.resolve(digest.substring(digest.indexOf(':') + 1)));
            }
            // The lock keeps a concurrent pull of another tag from dropping this tag's entry.
            try (FileChannel lockFile = FileChannel.open(layout.resolve(".lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                replace(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
                replace(layout.resolve("index.json"), index(layout.resolve("index.json"), manifest, refName));
            }
        } catch (IOException e) {
            throw new ImageException("Cannot write the OCI layout " + layout + ": " + e.getMessage()
                    + ". Check the cache folder's permissions and free space", e);
        }
    }

    private String index(Path existing, Descriptor manifest, String refName) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", ManifestDocument.OCI_INDEX);
        ArrayNode entries = root.putArray("manifests");
        if (Files.isRegularFile(existing)) {
            for (JsonNode kept : json.readTree(existing.toFile()).path("manifests")) {
                if (!refName.equals(kept.path("annotations").path(REF_NAME).asText())) {
                    entries.add(kept);
                }
            }
        }
        ObjectNode entry = entries.addObject();
        entry.put("mediaType", manifest.mediaType());
        entry.put("digest", manifest.digest());
        entry.put("size", manifest.size());
        if (manifest.platform() != null) {
            ObjectNode platform = entry.putObject("platform");
            platform.put("architecture", manifest.platform().architecture());
            platform.put("os", manifest.platform().os());
            if (manifest.platform().variant() != null) {
                platform.put("variant", manifest.platform().variant());
            }
        }
        entry.putObject("annotations").put(REF_NAME, refName);
        return json.writeValueAsString(root);
    }

    private static void link(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            // A concurrent pull linked it first.
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Hard link {} -> {} failed ({}); copying instead", target, source, e.toString());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void replace(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
