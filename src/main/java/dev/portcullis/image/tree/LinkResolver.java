package dev.portcullis.image.tree;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Resolves paths through the symbolic links of a merged tree without leaving the image root: an
 * absolute target starts again at the image root, and {@code ..} at the root stays at the root, as it
 * would for a process chrooted into the image. A chain of more than {@value #MAX_LINK_HOPS} links is
 * reported as a loop, the same limit Linux applies.
 */
public final class LinkResolver {

    public static final int MAX_LINK_HOPS = 40;

    private final Function<String, FileEntry> lookup;

    public LinkResolver(Function<String, FileEntry> lookup) {
        this.lookup = lookup;
    }

    /**
     * Resolves a path.
     *
     * @param path an absolute or root-relative path; {@code ..} components are resolved after links,
     *     as the kernel does
     * @param followFinal whether a symbolic link in the last component is followed too
     */
    public Resolution resolve(String path, boolean followFinal) {
        Deque<String> remaining = new ArrayDeque<>(components(path));
        List<String> resolved = new ArrayList<>();
        FileEntry current = lookup.apply(ImagePaths.ROOT);
        boolean climbedAboveRoot = false;
        int hops = 0;
        while (!remaining.isEmpty()) {
            String part = remaining.removeFirst();
            if (part.equals("..")) {
                if (resolved.isEmpty()) {
                    climbedAboveRoot = true;
                } else {
                    resolved.removeLast();
                }
                current = lookup.apply(ImagePaths.join(resolved));
                continue;
            }
            resolved.add(part);
            FileEntry entry = lookup.apply(ImagePaths.join(resolved));
            if (entry == null) {
                return new Resolution(null, false, climbedAboveRoot);
            }
            boolean last = remaining.isEmpty();
            if (entry.type() == FileType.SYMLINK && (!last || followFinal)) {
                hops++;
                if (hops > MAX_LINK_HOPS) {
                    return new Resolution(null, true, climbedAboveRoot);
                }
                resolved.removeLast();
                String target = entry.linkTarget() == null ? "" : entry.linkTarget();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                List<String> targetParts = components(target);
                for (int i = targetParts.size() - 1; i >= 0; i--) {
                    remaining.addFirst(targetParts.get(i));
                }
                current = lookup.apply(ImagePaths.join(resolved));
                continue;
            }
            if (!last && entry.type() != FileType.DIRECTORY) {
                return new Resolution(null, false, climbedAboveRoot);
            }
            current = entry;
        }
        return new Resolution(current, false, climbedAboveRoot);
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }
}
