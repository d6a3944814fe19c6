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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A test-only file resolver over host folders: one folder per image layer, oldest first, or one
 * folder as a root filesystem. A later layer's file hides the same path in earlier layers. Deletion
 * (whiteouts) is not modelled, because catalogers only need the merged view and each layer's copy of
 * a file. Symbolic links are followed by {@link #find} and reported as links by
 * {@link #findNoFollow} and {@link #glob}. A path that leaves the folder is not found.
 *
 * <p>Example: {@code FolderFileResolver.rootFilesystem(Path.of("src/test/resources/rootfs"))
 * .find("/var/lib/dpkg/status")} returns the entry of
 * {@code src/test/resources/rootfs/var/lib/dpkg/status} with layer index -1.
 */
public final class FolderFileResolver implements FileResolver {

    private final List<Path> layerRoots;
    private final boolean rootFilesystem;
    private final Map<String, Integer> layerByPath;

    private FolderFileResolver(List<Path> layerRoots, boolean rootFilesystem, Map<String, Integer> layerByPath) {
        this.layerRoots = layerRoots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        this.rootFilesystem = rootFilesystem;
        this.layerByPath = Map.copyOf(layerByPath);
    }

    /** Creates a resolver over image layers, where layer {@code i} is {@code layerRoots.get(i)}. */
    public static FolderFileResolver layers(List<Path> layerRoots) {
        return new FolderFileResolver(layerRoots, false, Map.of());
    }

    /** Creates a resolver over one root filesystem folder, whose files belong to no layer (index -1). */
    public static FolderFileResolver rootFilesystem(Path root) {
        return rootFilesystem(root, Map.of());
    }

    /**
     * Creates a resolver over one root filesystem folder whose files take their layer index from
     * {@code layerByPath}, keyed by image path such as {@code /app/package.json}, and -1 when absent.
     */
    public static FolderFileResolver rootFilesystem(Path root, Map<String, Integer> layerByPath) {
        return new FolderFileResolver(List.of(root), true, layerByPath);
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
        return find(path, true);
    }

    @Override
    public Optional<FileEntry> findNoFollow(String path) {
        return find(path, false);
    }

    private Optional<FileEntry> find(String path, boolean followLinks) {
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        for (int i = layerRoots.size() - 1; i >= 0; i--) {
            Optional<Path> candidate = resolve(i, path);
            if (candidate.isPresent() && Files.exists(candidate.get(), options)) {
                return Optional.of(entry(path, candidate.get(), i, followLinks));
            }
        }
        return Optional.empty();
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
                walk.filter(file -> !file.equals(root))
                        .map(file -> "/" + root.relativize(file).toString().replace('\\', '/'))
                        .filter(path -> matcher.matches(Path.of(path)))
                        .forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths.stream().map(this::findNoFollow).flatMap(Optional::stream).toList();
    }

    @Override
    public InputStream open(String path) throws IOException {
        for (int i = layerRoots.size() - 1; i >= 0; i--) {
            Optional<Path> candidate = resolve(i, path);
            if (candidate.isPresent() && Files.exists(candidate.get())) {
                if (!Files.isRegularFile(candidate.get())) {
                    break;
                }
                return Files.newInputStream(candidate.get());
            }
        }
        throw new FileNotFoundException(path);
    }

    @Override
    public List<FileVersion> versions(String path) {
        List<FileVersion> versions = new ArrayList<>();
        for (int i = 0; i < layerRoots.size(); i++) {
            Optional<Path> candidate = resolve(i, path);
            if (candidate.isPresent() && Files.isRegularFile(candidate.get())) {
                versions.add(new FolderFileVersion(layerIndex(path, i), candidate.get()));
            }
        }
        return versions;
    }

    /** Returns the host file of an image path in one layer folder, or empty when the path leaves it. */
    private Optional<Path> resolve(int layer, String path) {
        Path root = layerRoots.get(layer);
        Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
        return file.startsWith(root) ? Optional.of(file) : Optional.empty();
    }

    private int layerIndex(String path, int layer) {
        return rootFilesystem ? layerByPath.getOrDefault(path, -1) : layer;
    }

    private FileEntry entry(String path, Path file, int layer, boolean followLinks) {
        FileType type;
        if (!followLinks && Files.isSymbolicLink(file)) {
            type = FileType.SYMLINK;
        } else if (Files.isDirectory(file)) {
            type = FileType.DIRECTORY;
        } else {
            type = FileType.REGULAR;
        }
        try {
            long size = type == FileType.REGULAR ? Files.size(file) : 0;
            int mode = type != FileType.SYMLINK && Files.isExecutable(file) ? 0755 : 0644;
            return new FileEntry(path, type, size, mode, 0, 0, null, layerIndex(path, layer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record FolderFileVersion(int layerIndex, Path file) implements FileVersion {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
