package dev.portcullis.catalog.npm;

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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test-only resolver over a folder used as an image root. Every regular file is readable. The layer
 * of a file comes from a map that the test fills (-1 when absent). Links are not followed, because
 * test folders contain none.
 */
final class FolderFileResolver implements FileResolver {

    private final Path root;
    private final Map<String, Integer> layerByPath;

    FolderFileResolver(Path root) {
        this(root, Map.of());
    }

    FolderFileResolver(Path root, Map<String, Integer> layerByPath) {
        this.root = root.toAbsolutePath().normalize();
        this.layerByPath = layerByPath;
    }

    @Override
    public Optional<FileEntry> find(String path) {
        return findNoFollow(path);
    }

    @Override
    public Optional<FileEntry> findNoFollow(String path) {
        Path file = toHost(path);
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(entry(path, file));
    }

    @Override
    public List<FileEntry> glob(String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(this::toImagePath)
                    .filter(path -> matcher.matches(Path.of(path)))
                    .sorted()
                    .map(path -> entry(path, toHost(path)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path file = toHost(path);
        if (file == null || !Files.isRegularFile(file)) {
            throw new FileNotFoundException(path);
        }
        return Files.newInputStream(file);
    }

    @Override
    public List<FileVersion> versions(String path) {
        Path file = toHost(path);
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        int layer = layerByPath.getOrDefault(path, -1);
        return List.of(new FileVersion() {
            @Override
            public int layerIndex() {
                return layer;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        });
    }

    private FileEntry entry(String path, Path file) {
        try {
            FileType type = Files.isDirectory(file) ? FileType.DIRECTORY : FileType.REGULAR;
            long size = type == FileType.REGULAR ? Files.size(file) : 0;
            return new FileEntry(path, type, size, 0644, 0, 0, null, layerByPath.getOrDefault(path, -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path toHost(String path) {
        Path file = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        return file.startsWith(root) ? file : null;
    }

    private String toImagePath(Path file) {
        return "/" + root.relativize(file).toString().replace('\\', '/');
    }
}
