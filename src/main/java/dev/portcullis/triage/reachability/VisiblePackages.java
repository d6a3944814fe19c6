package dev.portcullis.triage.reachability;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the package folders a bare {@code require(name)} could load from a folder: the packages of
 * every node_modules folder from there up to the root and then of NODE_PATH, where a nearer package
 * hides a farther one of the same name, as Node.js's lookup stops at the first match.
 *
 * <p>Example: from {@code /app/node_modules/a/lib} with {@code /app/node_modules/a/node_modules/express}
 * and {@code /app/node_modules/express}, only the first express is visible.
 */
final class VisiblePackages {

    private final FileResolver files;
    private final List<String> nodePath;
    private final Map<String, Map<String, String>> packagesByFolder = new HashMap<>();

    VisiblePackages(FileResolver files, List<String> nodePath) {
        this.files = files;
        this.nodePath = List.copyOf(nodePath);
    }

    /** Returns package name to package folder for every package visible from the folder. */
    Map<String, String> from(String folder) {
        Map<String, String> visible = new LinkedHashMap<>();
        List<String> searched = new ArrayList<>(ModulePaths.nodeModulesFolders(folder));
        searched.addAll(nodePath);
        for (String modules : searched) {
            packagesIn(modules).forEach(visible::putIfAbsent);
        }
        return visible;
    }

    private Map<String, String> packagesIn(String modules) {
        return packagesByFolder.computeIfAbsent(modules, this::listPackages);
    }

    private Map<String, String> listPackages(String modules) {
        Map<String, String> packages = new LinkedHashMap<>();
        for (FileEntry entry : children(modules)) {
            String name = ModulePaths.baseName(entry.path());
            if (name.startsWith(".")) {
                continue;
            }
            if (name.startsWith("@")) {
                for (FileEntry scoped : children(entry.path())) {
                    packages.put(name + "/" + ModulePaths.baseName(scoped.path()), scoped.path());
                }
            } else {
                packages.put(name, entry.path());
            }
        }
        return packages;
    }

    private List<FileEntry> children(String folder) {
        if (files.find(folder).isEmpty()) {
            return List.of();
        }
        // A folder or a link to one: either can hold a package.
        return files.glob(folder + "/*").stream()
                .filter(entry -> files.find(entry.path()).map(found -> !found.isRegularFile()).orElse(false))
                .toList();
    }
}
