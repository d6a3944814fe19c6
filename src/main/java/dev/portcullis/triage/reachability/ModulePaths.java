package dev.portcullis.triage.reachability;

import java.util.ArrayList;
import java.util.List;

/** Path arithmetic on the absolute, slash-separated paths of an image. */
final class ModulePaths {

    private ModulePaths() {}

    /** Tests whether a specifier is a relative or absolute path rather than a package name. */
    static boolean isPath(String specifier) {
        return specifier.startsWith("/") || specifier.startsWith("./") || specifier.startsWith("../")
                || specifier.equals(".") || specifier.equals("..");
    }

    /** Returns the last segment of a path, for example {@code node} for {@code /usr/local/bin/node}. */
    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String parent(String path) {
        String parent = parentOrNull(path);
        return parent == null ? "/" : parent;
    }

    static String parentOrNull(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Joins a relative or absolute path to a folder and normalizes {@code .} and {@code ..} segments. */
    static String join(String folder, String path) {
        String combined = path.startsWith("/") ? path : folder + "/" + path;
        List<String> segments = new ArrayList<>();
        for (String segment : combined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.removeLast();
                }
            } else {
                segments.add(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Returns the package name of a bare specifier: {@code @scope/name} or the first segment. */
    static String packageName(String specifier) {
        int slash = specifier.indexOf('/');
        if (specifier.startsWith("@") && slash > 0) {
            int second = specifier.indexOf('/', slash + 1);
            return second < 0 ? specifier : specifier.substring(0, second);
        }
        return slash < 0 ? specifier : specifier.substring(0, slash);
    }

    /**
     * Returns the node_modules folders searched for a bare name from a folder, nearest first, skipping
     * folders that are themselves named node_modules, as Node.js's NODE_MODULES_PATHS does.
     */
    static List<String> nodeModulesFolders(String folder) {
        List<String> result = new ArrayList<>();
        for (String candidate = folder; candidate != null; candidate = parentOrNull(candidate)) {
            if (candidate.endsWith("/node_modules")) {
                continue;
            }
            result.add(candidate.equals("/") ? "/node_modules" : candidate + "/node_modules");
        }
        return result;
    }
}
