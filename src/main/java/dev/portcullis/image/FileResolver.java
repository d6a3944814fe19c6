package dev.portcullis.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the merged file tree of an image or root filesystem. Every lookup resolves links
 * inside the image root: an absolute target means the image root and {@code ..} never climbs above it,
 * so no host file is ever reached.
 */
public interface FileResolver {

    /** Returns the entry at the path after resolving links inside the root, or empty when absent. */
    Optional<FileEntry> find(String path);

    /** Returns the entry at the path itself, not following a final symbolic link. */
    Optional<FileEntry> findNoFollow(String path);

    /** Returns every visible entry whose path matches the glob pattern, in path order. */
    List<FileEntry> glob(String pattern);

    /**
     * Opens the content of a regular file that a {@link FileRequest} accepted.
     *
     * @throws java.io.FileNotFoundException when the path is absent, not a regular file, or its content
     *     was not requested
     */
    InputStream open(String path) throws IOException;

    /**
     * Returns every layer's copy of a requested file, oldest layer first. The last one is the visible
     * file unless a later layer deleted it. A root filesystem folder has at most one version.
     */
    List<FileVersion> versions(String path);
}
