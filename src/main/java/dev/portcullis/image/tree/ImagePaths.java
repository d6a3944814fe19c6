package dev.portcullis.image.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Normalizes paths of the image file tree. Every path is absolute inside the image root, with no
 * {@code .} or {@code ..} components and no trailing slash: {@code ./etc//os-release} becomes
 * {@code /etc/os-release}.
 */
public final class ImagePaths {

    public static final String ROOT = "/";

    private ImagePaths() {}

    /**
     * Normalizes a layer entry name or hard link target, read relative to the image root.
     *
     * @return the absolute path, or null when a {@code ..} component climbs above the root
     */
    public static String normalize(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
                continue;
            }
            parts.addLast(part);
        }
        return join(List.copyOf(parts));
    }

    public static String join(List<String> parts) {
        return parts.isEmpty() ? ROOT : "/" + String.join("/", parts);
    }

    /** Returns the parent of a normalized path; the root is its own parent. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? ROOT : path.substring(0, slash);
    }

    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String child(String directory, String name) {
        return directory.equals(ROOT) ? ROOT + name : directory + "/" + name;
    }

    /** Returns the smallest key greater than every path inside the directory, for sorted-map ranges. */
    static String subtreeEnd(String directory) {
        // '0' follows '/' in code point order, so [dir + "/", dir + "0") contains exactly the descendants.
        return directory.equals(ROOT) ? "0" : directory + "0";
    }

    static String subtreeStart(String directory) {
        return directory.equals(ROOT) ? ROOT : directory + "/";
    }
}
