package dev.portcullis.image.tree;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileType;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges layers, in order, into one file tree. Whiteout entries ({@code .wh.NAME}) delete
 * {@code NAME} and everything under it, and an opaque marker ({@code .wh..wh..opq}) empties its
 * directory, but only of what lower layers wrote: entries of the same layer survive in whatever order
 * the tar lists them. Entry names that climb above the root are left out and hard links are resolved
 * inside the root, each recorded as a {@link Skipped}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/layer.md">OCI image layer
 *     specification</a>
 */
public final class TreeBuilder implements EntrySink {

    private static final Logger LOG = LoggerFactory.getLogger(TreeBuilder.class);
    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final String METADATA_PREFIX = ".wh..wh.";
    private static final int DEFAULT_DIRECTORY_MODE = 0755;

    private final FileRequest request;
    private final List<Skipped> skipped;
    private final NavigableMap<String, TreeNode> nodes = new TreeMap<>();
    private final Map<String, List<FileVersion>> versions = new HashMap<>();
    private final Set<String> layerWhiteouts = new LinkedHashSet<>();
    private final Set<String> layerOpaqueDirectories = new LinkedHashSet<>();
    private int layerIndex = -1;
    private String layerName = "root filesystem";

    public TreeBuilder(FileRequest request, List<Skipped> skipped) {
        this.request = request;
        this.skipped = skipped;
        nodes.put(ImagePaths.ROOT, directory(ImagePaths.ROOT, DEFAULT_DIRECTORY_MODE, 0, 0, -1));
    }

    /**
     * Starts the layer with the given index; entries added next belong to it.
     *
     * @param name how messages name the layer, for example {@code layer 2 (blobs/sha256/0f3a...)}
     */
    public void startLayer(int index, String name) {
        layerIndex = index;
        layerName = name;
        layerWhiteouts.clear();
        layerOpaqueDirectories.clear();
    }

    /** Applies the whiteouts of the current layer to the entries of lower layers. */
    public void finishLayer() {
        for (String path : layerWhiteouts) {
            removeLowerEntries(path, true);
        }
        for (String directory : layerOpaqueDirectories) {
            removeLowerEntries(directory, false);
        }
        layerWhiteouts.clear();
        layerOpaqueDirectories.clear();
    }

    /** Adds one entry of the current layer, asking the source for content only when it is requested. */
    @Override
    public void add(EntryHeader header, ContentSource content) throws IOException {
        merge(header, path -> request.accepts(path) ? content.keep() : null);
    }

    /**
     * Adds one entry of the current layer whose content was kept as the layer was read. Null content
     * means that the request did not accept the entry.
     */
    void addKept(EntryHeader header, StoredContent content) {
        try {
            merge(header, path -> content);
        } catch (IOException e) {
            throw new IllegalStateException("kept content needs no reading, yet reading failed", e);
        }
    }

    /**
     * Tells whether {@link #add} would ask for the content of this entry: a regular file, not a
     * whiteout, whose normalized path the request accepts.
     */
    static boolean requestsContent(FileRequest request, EntryHeader header) {
        if (header.kind() != EntryHeader.Kind.REGULAR) {
            return false;
        }
        String path = ImagePaths.normalize(header.name());
        if (path == null || path.equals(ImagePaths.ROOT) || isWhiteoutMetadata(path)) {
            return false;
        }
        return !ImagePaths.fileName(path).startsWith(WHITEOUT_PREFIX) && request.accepts(path);
    }

    private void merge(EntryHeader header, ContentKeeper content) throws IOException {
        String path = ImagePaths.normalize(header.name());
        if (path == null) {
            skip(header.name(), "the path climbs above the image root with '..', so the entry was left out");
            return;
        }
        if (header.name().startsWith("/")) {
            skip(header.name(), "absolute entry name, read as " + path + " inside the image root");
        }
        if (isWhiteoutMetadata(path)) {
            // AUFS keeps hard link and bookkeeping folders under .wh..wh.*; they are not image files.
            LOG.debug("{}: whiteout metadata {} left out", layerName, header.name());
            return;
        }
        String name = ImagePaths.fileName(path);
        if (name.startsWith(WHITEOUT_PREFIX)) {
            addWhiteout(path, name);
            return;
        }
        if (path.equals(ImagePaths.ROOT)) {
            if (header.kind() == EntryHeader.Kind.DIRECTORY) {
                nodes.put(path, directory(path, header.mode(), header.uid(), header.gid(), layerIndex));
            }
            return;
        }
        ensureParents(path);
        switch (header.kind()) {
            case HARD_LINK -> addHardLink(path, header);
            case REGULAR -> addRegularFile(path, header, content);
            case DIRECTORY -> put(path, directory(path, header.mode(), header.uid(), header.gid(), layerIndex));
            default -> put(path, new TreeNode(entry(path, header, typeOf(header.kind()), 0), null));
        }
    }

    private static boolean isWhiteoutMetadata(String path) {
        return path.contains("/" + METADATA_PREFIX) && !path.endsWith("/" + OPAQUE_MARKER);
    }

    /** Ends the build, recording symbolic link loops and links that climb above the root. */
    public MergedTree build() {
        MergedTree tree = new MergedTree(nodes, versions);
        for (FileEntry entry : tree.entries()) {
            if (entry.type() != FileType.SYMLINK) {
                continue;
            }
            Resolution resolution = tree.resolve(entry.path(), true);
            if (resolution.loop()) {
                skipped.add(new Skipped(entry.path(), "symbolic link loop through " + entry.linkTarget()
                        + ": more than " + LinkResolver.MAX_LINK_HOPS + " links, so the path stays unresolved"));
            } else if (resolution.climbedAboveRoot()) {
                skipped.add(new Skipped(entry.path(), "symbolic link target " + entry.linkTarget()
                        + " climbs above the image root; it was resolved inside the root"));
            }
        }
        return tree;
    }

    private void addWhiteout(String path, String name) {
        String directory = ImagePaths.parent(path);
        if (name.equals(OPAQUE_MARKER)) {
            layerOpaqueDirectories.add(directory);
        } else {
            layerWhiteouts.add(ImagePaths.child(directory, name.substring(WHITEOUT_PREFIX.length())));
        }
    }

    private void addRegularFile(String path, EntryHeader header, ContentKeeper content) throws IOException {
        StoredContent kept = content.keepFor(path);
        if (kept != null) {
            versions.computeIfAbsent(path, key -> new ArrayList<>()).add(new KeptVersion(layerIndex, kept));
        }
        put(path, new TreeNode(entry(path, header, FileType.REGULAR, header.size()), kept));
    }

    private void addHardLink(String path, EntryHeader header) {
        String target = ImagePaths.normalize(header.linkName() == null ? "" : header.linkName());
        if (target == null) {
            skip(header.name(), "hard link to " + header.linkName()
                    + " points outside the image root, so the entry was left out");
            return;
        }
        TreeNode targetNode = nodes.get(target);
        if (targetNode == null || targetNode.entry().type() == FileType.DIRECTORY) {
            skip(header.name(), "hard link target " + target + " is not a file written before it, so the entry was left out");
            return;
        }
        FileEntry source = targetNode.entry();
        StoredContent content = targetNode.content();
        if (request.accepts(path)) {
            if (content == null) {
                skip(header.name(), "hard link to " + target
                        + " whose content was not requested, so its content is unavailable; request both paths");
            } else {
                versions.computeIfAbsent(path, key -> new ArrayList<>()).add(new KeptVersion(layerIndex, content));
            }
        }
        FileEntry linked = new FileEntry(path, source.type(), source.size(), source.mode(), source.uid(), source.gid(),
                source.linkTarget(), layerIndex);
        put(path, new TreeNode(linked, content));
    }

    private void put(String path, TreeNode node) {
        TreeNode previous = nodes.get(path);
        boolean keepsChildren = previous != null
                && previous.entry().type() == FileType.DIRECTORY
                && node.entry().type() == FileType.DIRECTORY;
        if (previous != null && !keepsChildren) {
            descendants(path).clear();
        }
        nodes.put(path, node);
    }

    private void ensureParents(String path) {
        List<String> missing = new ArrayList<>();
        for (String parent = ImagePaths.parent(path); !nodes.containsKey(parent); parent = ImagePaths.parent(parent)) {
            missing.add(parent);
        }
        for (String parent : missing.reversed()) {
            nodes.put(parent, directory(parent, DEFAULT_DIRECTORY_MODE, 0, 0, layerIndex));
        }
        // TODO: a parent that a lower layer made a symbolic link stays one; extracting tools follow it.
    }

    /**
     * Removes what lower layers wrote at the path (when {@code includingSelf}) and below it. A
     * directory that still contains entries of the current layer stays, now owned by this layer.
     */
    private void removeLowerEntries(String path, boolean includingSelf) {
        NavigableMap<String, TreeNode> subtree = descendants(path);
        subtree.values().removeIf(node -> node.entry().layerIndex() < layerIndex);
        List<String> survivors = List.copyOf(subtree.keySet());
        TreeNode self = nodes.get(path);
        if (includingSelf && self != null && self.entry().layerIndex() < layerIndex && !path.equals(ImagePaths.ROOT)) {
            nodes.remove(path);
        }
        for (String survivor : survivors) {
            ensureParents(survivor);
        }
        LOG.debug("{}: whiteout removed lower entries at {}", layerName, path);
    }

    private NavigableMap<String, TreeNode> descendants(String path) {
        boolean root = path.equals(ImagePaths.ROOT);
        return nodes.subMap(ImagePaths.subtreeStart(path), !root, ImagePaths.subtreeEnd(path), false);
    }

    private FileEntry entry(String path, EntryHeader header, FileType type, long size) {
        String linkTarget = type == FileType.SYMLINK ? header.linkName() : null;
        return new FileEntry(path, type, size, header.mode(), header.uid(), header.gid(), linkTarget, layerIndex);
    }

    private static TreeNode directory(String path, int mode, int uid, int gid, int layer) {
        return new TreeNode(new FileEntry(path, FileType.DIRECTORY, 0, mode, uid, gid, null, layer), null);
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

    /** Records an entry of the current layer that was left out, with the reason. */
    @Override
    public void skip(String entryName, String reason) {
        LOG.warn("{}: entry {} skipped: {}", layerName, entryName, reason);
        skipped.add(new Skipped(layerName + ": " + entryName, reason));
    }

    /** Returns the kept content of a regular file at a normalized path, or null when it is not requested. */
    @FunctionalInterface
    private interface ContentKeeper {
        StoredContent keepFor(String path) throws IOException;
    }
}
