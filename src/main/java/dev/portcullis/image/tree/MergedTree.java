package dev.portcullis.image.tree;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.PathGlob;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The file tree an image shows after all its layers are applied, with the kept content of requested
 * files. Every lookup resolves links inside the image root through {@link LinkResolver}.
 */
public final class MergedTree implements FileResolver {

    private final NavigableMap<String, TreeNode> nodes;
    private final Map<String, List<FileVersion>> versions;
    private final LinkResolver linkResolver;

    MergedTree(NavigableMap<String, TreeNode> nodes, Map<String, List<FileVersion>> versions) {
        this.nodes = nodes;
        this.versions = versions;
        this.linkResolver = new LinkResolver(this::entryAt);
    }

    @Override
    public Optional<FileEntry> find(String path) {
        return Optional.ofNullable(resolve(path, true).entry());
    }

    @Override
    public Optional<FileEntry> findNoFollow(String path) {
        return Optional.ofNullable(resolve(path, false).entry());
    }

    /** Resolves a path through links, reporting loops and {@code ..} clamped at the root. */
    public Resolution resolve(String path, boolean followFinal) {
        return linkResolver.resolve(path, followFinal);
    }

    @Override
    public List<FileEntry> glob(String pattern) {
        PathGlob glob = PathGlob.of(pattern);
        // Paths that start with the literal prefix sit together in the sorted map, from the prefix on.
        String prefix = glob.literalPrefix();
        return nodes.tailMap(prefix, true).values().stream()
                .map(TreeNode::entry)
                .takeWhile(entry -> entry.path().startsWith(prefix))
                .filter(entry -> !entry.path().equals(ImagePaths.ROOT))
                .filter(entry -> glob.matches(entry.path()))
                .toList();
    }

    @Override
    public InputStream open(String path) throws IOException {
        FileEntry entry = find(path).orElseThrow(() -> new FileNotFoundException(path + " is not in the image"));
        if (!entry.isRegularFile()) {
            throw new FileNotFoundException(path + " is not a regular file (" + entry.type() + ")");
        }
        TreeNode node = nodes.get(entry.path());
        if (node.content() == null) {
            throw new FileNotFoundException(
                    "content of " + entry.path() + " was not kept: add the path to the file request");
        }
        return node.content().open();
    }

    @Override
    public List<FileVersion> versions(String path) {
        // A deleted file no longer resolves, so its history is found under the literal path.
        String key = find(path).map(FileEntry::path).orElse(ImagePaths.normalize(path));
        return versions.getOrDefault(key, List.of());
    }

    /** Returns every visible entry in path order, the root first. */
    public List<FileEntry> entries() {
        return nodes.values().stream().map(TreeNode::entry).toList();
    }

    private FileEntry entryAt(String path) {
        TreeNode node = nodes.get(path);
        return node == null ? null : node.entry();
    }
}
