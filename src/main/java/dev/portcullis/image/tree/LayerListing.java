package dev.portcullis.image.tree;

import dev.portcullis.image.FileType;
import dev.portcullis.image.LayerFileEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the entry list of every layer from the headers its reader saw, and marks the entries that a
 * later whiteout or opaque marker removed from the merged tree.
 *
 * <pre>{@code
 * LayerListing listing = new LayerListing();
 * listing.addLayer(0, List.of(header("./root/.aws/credentials")));
 * listing.addLayer(1, List.of(header("./root/.aws/.wh.credentials")));
 * listing.build(tree);   // [[/root/.aws/credentials deletedLater=true], []]
 * }</pre>
 *
 * <p>Memory: one small record per archive entry (path, type, mode, size) and never content. An image of
 * 200,000 entries keeps 200,000 such records, an estimated 30 to 60 MiB with their path strings.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts">OCI whiteouts</a>
 */
public final class LayerListing {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    /** Tar modes may carry file type bits too, so the entry keeps only permissions, setuid, setgid and sticky. */
    private static final int PERMISSION_BITS = 07777;

    private final List<List<EntryHeader>> layers = new ArrayList<>();
    /** Path removed with its subtree, mapped to the highest layer that removed it. */
    private final Map<String, Integer> whiteouts = new HashMap<>();
    /** Directory emptied of lower entries, mapped to the highest layer that emptied it. */
    private final Map<String, Integer> opaqueDirectories = new HashMap<>();

    /** Adds the headers of the layer with the given index; layers are added in order. */
    public void addLayer(int index, List<EntryHeader> headers) {
        List<EntryHeader> files = new ArrayList<>();
        for (EntryHeader header : headers) {
            String path = ImagePaths.normalize(header.name());
            if (path == null || path.equals(ImagePaths.ROOT) || path.contains("/.wh..wh.")
                    && !path.endsWith("/" + OPAQUE_MARKER)) {
                continue;
            }
            String name = ImagePaths.fileName(path);
            String directory = ImagePaths.parent(path);
            if (name.equals(OPAQUE_MARKER)) {
                opaqueDirectories.merge(directory, index, Math::max);
            } else if (name.startsWith(WHITEOUT_PREFIX)) {
                whiteouts.merge(ImagePaths.child(directory, name.substring(WHITEOUT_PREFIX.length())), index, Math::max);
            } else {
                files.add(header);
            }
        }
        while (layers.size() <= index) {
            layers.add(List.of());
        }
        layers.set(index, files);
    }

    /** Returns the entry list of every layer, in layer order, judged against the final merged tree. */
    public List<List<LayerFileEntry>> build(MergedTree tree) {
        List<List<LayerFileEntry>> listed = new ArrayList<>(layers.size());
        for (int index = 0; index < layers.size(); index++) {
            List<LayerFileEntry> entries = new ArrayList<>(layers.get(index).size());
            for (EntryHeader header : layers.get(index)) {
                String path = ImagePaths.normalize(header.name());
                boolean deleted = tree.findNoFollow(path).isEmpty() && removedAfter(path, index);
                entries.add(new LayerFileEntry(path, typeOf(header.kind()), header.mode() & PERMISSION_BITS,
                        header.kind() == EntryHeader.Kind.REGULAR ? header.size() : 0, deleted));
            }
            listed.add(List.copyOf(entries));
        }
        return List.copyOf(listed);
    }

    /** Tells whether a layer above {@code layer} whited out the path or one of its parents, or emptied a parent. */
    private boolean removedAfter(String path, int layer) {
        if (whiteouts.getOrDefault(path, -1) > layer) {
            return true;
        }
        for (String parent = path; !parent.equals(ImagePaths.ROOT); ) {
            parent = ImagePaths.parent(parent);
            if (whiteouts.getOrDefault(parent, -1) > layer || opaqueDirectories.getOrDefault(parent, -1) > layer) {
                return true;
            }
        }
        return false;
    }

    private static FileType typeOf(EntryHeader.Kind kind) {
        return switch (kind) {
            case REGULAR, HARD_LINK -> FileType.REGULAR;
            case DIRECTORY -> FileType.DIRECTORY;
            case SYMLINK -> FileType.SYMLINK;
            case CHARACTER_DEVICE -> FileType.CHARACTER_DEVICE;
            case BLOCK_DEVICE -> FileType.BLOCK_DEVICE;
            case FIFO -> FileType.FIFO;
        };
    }
}
