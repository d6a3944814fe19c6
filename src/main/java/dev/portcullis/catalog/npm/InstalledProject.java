package dev.portcullis.catalog.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project folder with a package.json and a node_modules folder. Its manifest and lockfile decide, for
 * each installed package, whether the project names it directly and whether only development needs it.
 *
 * <p>The lockfile decides when it lists the install path. Otherwise (no lockfile, or a package the
 * lockfile does not list) the installed package.json files are walked the way Node.js resolves
 * {@code require}: from the project's dependencies, through each package's own dependencies, looking
 * in the nearest node_modules folder first.
 */
final class InstalledProject {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledProject.class);

    /** Lockfiles in the order npm prefers them. The hidden lockfile records only what is installed. */
    private static final List<String> LOCKFILES =
            List.of("npm-shrinkwrap.json", "package-lock.json", "node_modules/.package-lock.json");

    private final String folder;
    private final PackageJson manifest;
    private final Map<String, LockedPackage> lockedByPath;
    /** Computed once: isDirect runs for every installed package, so a per-call copy grew with both counts. */
    private final java.util.Set<String> directNames;
    private Map<String, String> walkedScopes;

    private InstalledProject(String folder, PackageJson manifest, Map<String, LockedPackage> lockedByPath) {
        this.folder = folder;
        this.manifest = manifest;
        this.directNames = java.util.Set.copyOf(manifest.directNames());
        this.lockedByPath = lockedByPath;
    }

    /** Reads the project in a folder, or returns null when the folder has no usable package.json. */
    static InstalledProject read(FileResolver files, String folder, Consumer<Skipped> skipped) {
        PackageJson manifest = ProjectFiles.readManifest(files, folder, skipped);
        if (manifest == null) {
            return null;
        }
        Map<String, LockedPackage> lockedByPath = new HashMap<>();
        for (String lockfileName : LOCKFILES) {
            String path = ProjectFiles.child(folder, lockfileName);
            if (files.find(path).filter(FileEntry::isRegularFile).isEmpty()) {
                continue;
            }
            try {
                JsonNode lockfile = ProjectFiles.readJsonObject(files, path);
                for (LockedPackage locked : new PackageLockParser(path, skipped).parse(lockfile, manifest)) {
                    lockedByPath.put(locked.lockKey(), locked);
                }
                LOG.debug("{}: project lockfile {} lists {} packages", folder, path, lockedByPath.size());
                break;
            } catch (IOException e) {
                skipped.accept(new Skipped(path, "invalid JSON in lockfile (" + e.getMessage()
                        + "); installed packages are classified from package.json files instead"));
            }
        }
        return new InstalledProject(folder, manifest, lockedByPath);
    }

    String folder() {
        return folder;
    }

    PackageJson manifest() {
        return manifest;
    }

    /** Returns true when the project's package.json names the installed package in any dependency group. */
    boolean isDirect(String relativePath) {
        String installName = NodeModulesPath.installName("/" + relativePath);
        return relativePath.equals("node_modules/" + installName) && directNames.contains(installName);
    }

    /**
     * Returns {@code prod} or {@code dev} for an installed package, or null when neither the lockfile
     * nor the dependency walk reaches it (an extraneous package).
     *
     * @param installed every installed package of this project, by path relative to the project
     */
    String scope(String relativePath, Map<String, PackageJson> installed) {
        LockedPackage locked = lockedByPath.get(relativePath);
        if (locked != null) {
            return locked.scope();
        }
        if (walkedScopes == null) {
            walkedScopes = walkScopes(installed);
        }
        return walkedScopes.get(relativePath);
    }

    // TODO: pnpm installs (node_modules/.pnpm/<name>@<version>/node_modules/<name>) reach packages through
    // symbolic links, which this walk does not follow, so their scope stays unknown without a package-lock.json.
    private Map<String, String> walkScopes(Map<String, PackageJson> installed) {
        DependencyGraph<String> graph = new DependencyGraph<>();
        installed.forEach((path, packageJson) -> {
            for (String dependency : packageJson.productionNames()) {
                String target = resolve(path, dependency, installed.keySet());
                if (target != null) {
                    graph.addEdge(path, target);
                }
            }
        });
        return graph.scopes(resolveAll(manifest.productionNames(), installed.keySet()),
                resolveAll(manifest.devDependencies().keySet(), installed.keySet()));
    }

    private static List<String> resolveAll(Set<String> names, Set<String> installed) {
        List<String> paths = new ArrayList<>();
        for (String name : names) {
            String path = resolve("", name, installed);
            if (path != null) {
                paths.add(path);
            }
        }
        return paths;
    }

    /**
     * Finds the folder Node.js loads {@code name} from when required by the package at {@code from}
     * (empty for the project itself): its own node_modules, then each enclosing node_modules outward.
     */
    static String resolve(String from, String name, Set<String> installed) {
        String current = from;
        while (true) {
            String candidate = (current.isEmpty() ? "" : current + "/") + "node_modules/" + name;
            if (installed.contains(candidate)) {
                return candidate;
            }
            if (current.isEmpty()) {
                return null;
            }
            int parent = current.lastIndexOf("/node_modules/");
            current = parent < 0 ? "" : current.substring(0, parent);
        }
    }
}
