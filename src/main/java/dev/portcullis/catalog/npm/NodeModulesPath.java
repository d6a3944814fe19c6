package dev.portcullis.catalog.npm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads install paths such as {@code /usr/src/app/node_modules/@nestjs/core}: which package.json
 * files are package roots, which project installed them, and whether a package manager put them there
 * for its own use.
 */
final class NodeModulesPath {

    private static final String NODE_MODULES = "/node_modules/";

    /**
     * Folders of package-manager installs. npm, yarn and corepack are installed globally in official
     * Node.js images, and corepack keeps the package managers it downloads in its cache.
     */
    private static final List<String> TOOLING_FOLDERS = List.of(
            "/usr/local/lib/node_modules/npm",
            "/usr/lib/node_modules/npm",
            "/usr/local/lib/node_modules/yarn",
            "/usr/lib/node_modules/yarn",
            "/usr/local/lib/node_modules/corepack",
            "/usr/lib/node_modules/corepack",
            "/usr/local/lib/node_modules/pnpm",
            "/usr/lib/node_modules/pnpm");

    /** yarn's tarball install ({@code /opt/yarn-v1.22.22}) and corepack's cache ({@code ~/.cache/node/corepack}). */
    private static final Pattern TOOLING_PATTERN = Pattern.compile("^/opt/yarn-v[^/]+(/.*)?$|/\\.cache/node/corepack(/|$)");

    private NodeModulesPath() {}

    /**
     * Tests whether a package.json path is the manifest of an installed package:
     * {@code .../node_modules/<name>/package.json} or {@code .../node_modules/@scope/<name>/package.json}.
     * A package.json deeper inside a package (its {@code lib/}, its test fixtures) is not.
     */
    static boolean isPackageManifest(String path) {
        if (!path.endsWith("/package.json")) {
            return false;
        }
        String[] segments = path.split("/");
        int n = segments.length;
        if (n >= 4 && segments[n - 3].equals("node_modules")) {
            return isPackageFolderName(segments[n - 2]) && !segments[n - 2].startsWith("@");
        }
        return n >= 5
                && segments[n - 4].equals("node_modules")
                && segments[n - 3].startsWith("@")
                && segments[n - 3].length() > 1
                && isPackageFolderName(segments[n - 2]);
    }

    private static boolean isPackageFolderName(String name) {
        // .bin, .cache and .package-lock.json live in node_modules but are not packages.
        return !name.isEmpty() && !name.startsWith(".");
    }

    /** Returns the name a package is installed under: the folder path after the last node_modules. */
    static String installName(String packageFolder) {
        return packageFolder.substring(packageFolder.lastIndexOf(NODE_MODULES) + NODE_MODULES.length());
    }

    /**
     * Returns the folders that could be the project that installed a package, outermost first: each
     * folder that contains one of the node_modules folders on its path. For
     * {@code /app/node_modules/a/node_modules/b} these are {@code /app} and {@code /app/node_modules/a}.
     */
    static List<String> projectCandidates(String packageFolder) {
        List<String> candidates = new ArrayList<>();
        int index = packageFolder.indexOf(NODE_MODULES);
        while (index >= 0) {
            candidates.add(index == 0 ? "/" : packageFolder.substring(0, index));
            index = packageFolder.indexOf(NODE_MODULES, index + 1);
        }
        return candidates;
    }

    /** Returns the package folder relative to its project, for example {@code node_modules/a/node_modules/b}. */
    static String relativeTo(String projectFolder, String packageFolder) {
        return projectFolder.equals("/") ? packageFolder.substring(1) : packageFolder.substring(projectFolder.length() + 1);
    }

    /** Tests whether a package folder belongs to a package manager's own install. */
    static boolean isTooling(String packageFolder) {
        for (String folder : TOOLING_FOLDERS) {
            if (packageFolder.equals(folder) || packageFolder.startsWith(folder + "/")) {
                return true;
            }
        }
        return TOOLING_PATTERN.matcher(packageFolder).find();
    }
}
