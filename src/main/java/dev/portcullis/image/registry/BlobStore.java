package dev.portcullis.image.registry;

import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed store of blobs under {@code <cache>/blobs/sha256/<hex>}, shared by every pulled
 * image. A blob enters it only after its sha256 digest and size were checked, through a temporary
 * file in the same folder tree and an atomic move, so a reader never sees a partial blob.
 */
final class BlobStore {

    // TODO: prune blobs that no layout links to; until then the cache only grows.

    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path blobs;
    private final Path temporary;

    BlobStore(Path cacheFolder) {
        this.blobs = cacheFolder.resolve("blobs").resolve("sha256");
        this.temporary = cacheFolder.resolve("blobs").resolve("tmp");
    }

    Path path(String digest) {
        return blobs.resolve(digest.substring(digest.indexOf(':') + 1));
    }

    /** Tells whether the blob is stored with the expected size; a negative size accepts any size. */
    boolean contains(String digest, long size) {
        Path path = path(digest);
        try {
            return Files.isRegularFile(path) && (size < 0 || Files.size(path) == size);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Streams a blob into the store and checks it.
     *
     * @throws IOException when reading {@code in} fails, which the caller may retry
     * @throws ImageException when the content does not match the digest or size, or the cache cannot
     *     be written
     */
    Path write(String digest, long expectedSize, InputStream in, String source) throws IOException, ImageException {
        Path temp = createTemp(source);
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            byte[] buffer = new byte[BUFFER_SIZE];
            try (OutputStream out = open(temp)) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    sha256.update(buffer, 0, read);
                    size += read;
                    writeChunk(out, buffer, read, temp);
                }
            }
            String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(digest) || (expectedSize >= 0 && size != expectedSize)) {
                throw new ImageException("Blob " + digest + " from " + source + " does not match its descriptor: got "
                        + size + " bytes with digest " + actual + ", expected " + expectedSize
                        + " bytes. The registry or a proxy served damaged content: try again or push the image again");
            }
            return moveIntoPlace(temp, digest);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stores bytes that were already checked against their digest, such as a manifest. */
    Path writeVerified(String digest, byte[] bytes) throws ImageException {
        try {
            Path temp = createTemp(digest);
            try {
                Files.write(temp, bytes);
                return moveIntoPlace(temp, digest);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    byte[] read(String digest) throws ImageException {
        try {
            return Files.readAllBytes(path(digest));
        } catch (IOException e) {
            throw new ImageException("Cannot read cached blob " + path(digest) + ": " + e.getMessage()
                    + ". Delete the file so that it is downloaded again", e);
        }
    }

    static String sha256Digest(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private Path createTemp(String source) throws ImageException {
        try {
            Files.createDirectories(temporary);
            Files.createDirectories(blobs);
            return Files.createTempFile(temporary, "download-", ".part");
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private OutputStream open(Path temp) throws ImageException {
        try {
            return Files.newOutputStream(temp);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private void writeChunk(OutputStream out, byte[] buffer, int length, Path temp) throws ImageException {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new ImageException("Cannot write " + temp + " in the blob cache: " + e.getMessage()
                    + ". Free disk space or choose another cache folder", e);
        }
    }

    private Path moveIntoPlace(Path temp, String digest) throws ImageException {
        Path target = path(digest);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another pull stored the same verified content first.
        } catch (AtomicMoveNotSupportedException e) {
            throw new ImageException("The blob cache " + blobs + " does not support atomic moves: "
                    + e.getMessage() + ". Choose a cache folder on a local file system", e);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        return target;
    }

    private ImageException cannotWrite(IOException e) {
        return new ImageException("Cannot write to the blob cache " + blobs + ": " + e.getMessage()
                + ". Check its permissions and free space, or choose another cache folder", e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
