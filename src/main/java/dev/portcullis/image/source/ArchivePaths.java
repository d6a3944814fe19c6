package dev.portcullis.image.source;

import java.util.ArrayDeque;
import java.util.Deque;

/** Normalizes paths inside an archive or layout folder, rejecting those that would leave it. */
final class ArchivePaths {

    private ArchivePaths() {}

    /**
     * Normalizes a relative path, resolving {@code .} and {@code ..}: {@code ./a//b/../c} becomes
     * {@code a/c}.
     *
     * @param base the folder the path is relative to, {@code ""} for the top
     * @return the normalized path, or null when it is absolute or climbs above the top
     */
    static String normalize(String base, String path) {
        if (path.startsWith("/")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (base.isEmpty() ? path : base + "/" + path).split("/")) {
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
        return String.join("/", parts);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
