package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a layout folder, by their path relative to it. */
final class DirectoryBlobStore implements BlobStore {

    private final Path root;

    DirectoryBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public String describe(String path) {
        return root.resolve(path).toString();
    }

    @Override
    public boolean exists(String path) {
        Path file = locate(path);
        return file != null && Files.isRegularFile(file);
    }

    @Override
    public InputStream open(String path) throws ImageException, IOException {
        Path file = locate(path);
        if (file == null || !Files.isRegularFile(file)) {
            throw new ImageException(root + " has no file " + path + "; the layout is incomplete, so copy it again");
        }
        return Files.newInputStream(file);
    }

    @Override
    public long size(String path) {
        Path file = locate(path);
        try {
            return file != null && Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private Path locate(String path) {
        String normalized = ArchivePaths.normalize("", path);
        return normalized == null || normalized.isEmpty() ? null : root.resolve(normalized);
    }

    @Override
    public void close() {
        // Nothing stays open between reads of a folder.
    }
}
