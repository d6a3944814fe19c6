package dev.portcullis.catalog.npm;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the dependencies among installed node_modules packages from their package.json files, resolving
 * each name the way Node.js loads it: in the package's own node_modules, then in the node_modules of
 * each enclosing folder up to the file system root. Example: {@code /app/node_modules/a} naming
 * {@code b} depends on {@code /app/node_modules/a/node_modules/b} when that exists, else on
 * {@code /app/node_modules/b}.
 *
 * <p>An installed package's devDependencies are not installed, so only its {@code dependencies},
 * {@code optionalDependencies} and {@code peerDependencies} give edges. The scanned image depends on
 * every dependency of each application project (a folder with a package.json and node_modules that is
 * not itself an installed package) and on every installed package outside any project, such as a global
 * install in {@code /usr/local/lib/node_modules}.
 *
 * @see <a href="https://nodejs.org/api/modules.html#loading-from-node_modules-folders">Loading from node_modules folders</a>
 */
final class InstalledEdges {

    private static final String NODE_MODULES = "node_modules";

    /**
     * An installed package with the folder it was read from.
     *
     * @param project the project that installed it, or null when no enclosing folder has a package.json
     */
    record Node(String folder, PackageJson packageJson, Package pkg, InstalledProject project) {}

    private InstalledEdges() {}

    /** Returns the edges among the nodes and from the scanned image to the projects' dependencies. */
    static List<Dependency> find(List<Node> nodes) {
        Map<String, Node> byFolder = new HashMap<>();
        // Computed once per package: an id hashes the package's locations and properties.
        Map<Node, String> ids = new IdentityHashMap<>();
        for (Node node : nodes) {
            byFolder.putIfAbsent(node.folder(), node);
            ids.put(node, Dependency.idOf(node.pkg()));
        }

        Set<Dependency> dependencies = new LinkedHashSet<>();
        Set<String> rootProjects = new LinkedHashSet<>();
        for (Node node : nodes) {
            for (String name : node.packageJson().productionNames()) {
                Node target = resolve(node.folder(), name, byFolder);
                if (target != null && target != node) {
                    dependencies.add(new Dependency(ids.get(node), ids.get(target), Dependency.Kind.DEPENDS_ON));
                }
            }
            if (node.project() == null) {
                dependencies.add(new Dependency(Dependency.ROOT_ID, ids.get(node), Dependency.Kind.DEPENDS_ON));
            } else if (!byFolder.containsKey(node.project().folder())) {
                rootProjects.add(node.project().folder());
            }
        }
        for (Node node : nodes) {
            InstalledProject project = node.project();
            if (project != null && rootProjects.remove(project.folder())) {
                for (String name : project.manifest().directNames()) {
                    Node target = resolve(project.folder(), name, byFolder);
                    if (target != null) {
                        dependencies.add(new Dependency(Dependency.ROOT_ID, ids.get(target), Dependency.Kind.DEPENDS_ON));
                    }
                }
            }
        }
        return List.copyOf(dependencies);
    }

    /** Returns the installed package that {@code require(name)} loads from {@code folder}, or null. */
    static Node resolve(String folder, String name, Map<String, Node> byFolder) {
        String current = folder;
        while (current != null) {
            if (!current.endsWith("/" + NODE_MODULES)) {
                String candidate = (current.equals("/") ? "" : current) + "/" + NODE_MODULES + "/" + name;
                Node found = byFolder.get(candidate);
                if (found != null) {
                    return found;
                }
            }
            current = parent(current);
        }
        return null;
    }

    private static String parent(String folder) {
        if (folder.equals("/") || folder.isEmpty()) {
            return null;
        }
        int slash = folder.lastIndexOf('/');
        return slash <= 0 ? "/" : folder.substring(0, slash);
    }
}
