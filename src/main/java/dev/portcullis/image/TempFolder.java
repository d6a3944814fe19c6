package dev.portcullis.image;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The private temporary folder of one opened image, the only place image reading writes to. */
final class TempFolder {

    private static final Logger LOG = LoggerFactory.getLogger(TempFolder.class);
    private static final String PREFIX = "portcullis-image-";

    private final Path path;

    private TempFolder(Path path) {
        this.path = path;
    }

    /** Creates the folder, readable by the owner only, under the given parent or the system default. */
    static TempFolder create(Path parent) throws ImageException {
        try {
            Path folder = parent == null ? Files.createTempDirectory(PREFIX) : Files.createTempDirectory(parent, PREFIX);
            return new TempFolder(folder);
        } catch (IOException e) {
            throw new ImageException("cannot create a temporary folder under "
                    + (parent == null ? System.getProperty("java.io.tmpdir") : parent) + ": " + e.getMessage()
                    + "; choose a writable temporary folder", e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the folder and everything in it, never following a link out of it. */
    void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete temporary folder {}: {}; delete it by hand", path, e.getMessage());
        }
    }
}
