package dev.portcullis.catalog.java;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.FileType;
import dev.portcullis.image.FileVersion;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A test-only {@link FileResolver} over a host folder taken as the image root. It does not follow
 * symbolic links because the catalogers' tests do not need them. The real image reader resolves them.
 */
public final class FolderResolver implements FileResolver {

    private final Path root;

    public FolderResolver(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<FileEntry> find(String path) {
        return findNoFollow(path);
    }

    @Override
    public Optional<FileEntry> findNoFollow(String path) {
        Path file = host(path);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(entry(file));
    }

    @Override
    public List<FileEntry> glob(String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> !file.equals(root))
                    .map(this::entry)
                    .filter(entry -> matcher.matches(Path.of(entry.path())))
                    .sorted(java.util.Comparator.comparing(FileEntry::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path file = host(path);
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(path);
        }
        return Files.newInputStream(file);
    }

    @Override
    public List<FileVersion> versions(String path) {
        Path file = host(path);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return List.of(new FileVersion() {
            @Override
            public int layerIndex() {
                return -1;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        });
    }

    private Path host(String path) {
        Path file = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the root: " + path);
        }
        return file;
    }

    private FileEntry entry(Path file) {
        String path = "/" + root.relativize(file).toString().replace('\\', '/');
        try {
            FileType type = Files.isSymbolicLink(file) ? FileType.SYMLINK
                    : Files.isDirectory(file) ? FileType.DIRECTORY : FileType.REGULAR;
            long size = type == FileType.REGULAR ? Files.size(file) : 0;
            int mode = Files.isExecutable(file) ? 0755 : 0644;
            return new FileEntry(path, type, size, mode, 0, 0, null, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
