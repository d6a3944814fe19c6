package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Files of an image source by their path inside it: the entries of a tar archive or the files of a
 * layout folder. Paths are relative, with {@code /} separators, and never leave the source.
 */
public interface BlobStore extends Closeable {

    /** Names the source in messages, for example its file path. */
    String name();

    boolean exists(String path);

    /** Names a file of the source in messages, for example {@code image.tar entry manifest.json}. */
    String describe(String path);

    /**
     * Opens a file of the source.
     *
     * @throws ImageException when the path is missing or leaves the source
     */
    InputStream open(String path) throws ImageException, IOException;

    /** Returns the size of a file of the source, or -1 when it is missing. */
    long size(String path);

    /**
     * Reads a small file such as a manifest or config whole.
     *
     * @throws ImageException when the file is missing, larger than {@code maxSize}, or unreadable
     */
    default byte[] readAll(String path, int maxSize) throws ImageException {
        long size = size(path);
        if (size < 0) {
            throw new ImageException(name() + " has no " + path + "; the image is incomplete, so export it again");
        }
        if (size > maxSize) {
            throw new ImageException(name() + ": " + path + " is " + size + " bytes, more than the " + maxSize
                    + " a manifest or config may have; check that the file is an image");
        }
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ImageException("cannot read " + path + " in " + name() + ": " + e.getMessage(), e);
        }
    }
}
