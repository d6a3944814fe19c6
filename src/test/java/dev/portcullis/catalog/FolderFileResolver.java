package dev.portcullis.catalog;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.FileType;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.Layer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A test-only file resolver over folders, one folder per layer, oldest first. A later layer's file
 * hides the same path in earlier layers. Deletion (whiteouts) and links are not modelled, because
 * catalogers only need the merged view and each layer's copy of a file.
 */
public final class FolderFileResolver implements FileResolver {

    private final List<Path> layerRoots;
    private final boolean rootFilesystem;

    private FolderFileResolver(List<Path> layerRoots, boolean rootFilesystem) {
        this.layerRoots = List.copyOf(layerRoots);
        this.rootFilesystem = rootFilesystem;
    }

    /** Creates a resolver over image layers, where layer {@code i} is {@code layerRoots.get(i)}. */
    public static FolderFileResolver layers(List<Path> layerRoots) {
        return new FolderFileResolver(layerRoots, false);
    }

    /** Creates a resolver over one root filesystem folder, whose files belong to no layer (index -1). */
    public static FolderFileResolver rootFilesystem(Path root) {
        return new FolderFileResolver(List.of(root), true);
    }

    /** Layer records matching the layer folders, for a {@link CatalogContext}. */
    public List<Layer> layerList() {
        if (rootFilesystem) {
            return List.of();
        }
        return IntStream.range(0, layerRoots.size())
                .mapToObj(i -> new Layer(i, "sha256:layer" + i, null, 0, null, "step " + i))
                .toList();
    }

    @Override
    public Optional<FileEntry> find(String path) {
        for (int i = layerRoots.size() - 1; i >= 0; i--) {
            Path candidate = resolve(i, path);
            if (Files.exists(candidate)) {
                return Optional.of(entry(path, candidate, i));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<FileEntry> findNoFollow(String path) {
        return find(path);
    }

    @Override
    public List<FileEntry> glob(String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        TreeSet<String> paths = new TreeSet<>();
        for (Path root : layerRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.map(p -> "/" + root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> matcher.matches(Path.of(p)))
                        .forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    public InputStream open(String path) throws IOException {
        FileEntry entry = find(path).filter(FileEntry::isRegularFile)
                .orElseThrow(() -> new FileNotFoundException(path));
        return Files.newInputStream(resolve(Math.max(entry.layerIndex(), 0), path));
    }

    @Override
    public List<FileVersion> versions(String path) {
        List<FileVersion> versions = new ArrayList<>();
        for (int i = 0; i < layerRoots.size(); i++) {
            Path candidate = resolve(i, path);
            if (Files.isRegularFile(candidate)) {
                int layerIndex = rootFilesystem ? -1 : i;
                versions.add(new FolderFileVersion(layerIndex, candidate));
            }
        }
        return versions;
    }

    private Path resolve(int layer, String path) {
        return layerRoots.get(layer).resolve(path.replaceFirst("^/+", ""));
    }

    private FileEntry entry(String path, Path file, int layer) {
        FileType type = Files.isDirectory(file) ? FileType.DIRECTORY : FileType.REGULAR;
        long size;
        try {
            size = type == FileType.REGULAR ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileEntry(path, type, size, 0644, 0, 0, null, rootFilesystem ? -1 : layer);
    }

    private record FolderFileVersion(int layerIndex, Path file) implements FileVersion {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
