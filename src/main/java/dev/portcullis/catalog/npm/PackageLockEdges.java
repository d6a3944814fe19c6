package dev.portcullis.catalog.npm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the dependency edges of a package-lock.json or npm-shrinkwrap.json, keyed as
 * {@link PackageLockParser} keys its entries.
 *
 * <p>An entry names its dependencies without paths, so each name is resolved the way Node.js loads it:
 * in the entry's own node_modules, then in each enclosing node_modules outward. Example: in
 *
 * <pre>{@code
 * "node_modules/@nestjs/platform-express": {"dependencies": {"express": "5.1.0"}},
 * "node_modules/@nestjs/platform-express/node_modules/express": {"version": "5.1.0"},
 * "node_modules/express": {"version": "4.17.1"}
 * }</pre>
 *
 * {@code @nestjs/platform-express} depends on the nested express 5.1.0, not on the top-level 4.17.1.
 * Versions 2 and 3 list {@code dependencies}, {@code optionalDependencies} and
 * {@code peerDependencies} per entry, and the root and workspace folders also their
 * {@code devDependencies}. Version 1 lists the names in {@code requires}, and the project's own
 * dependencies come from the package.json beside the lockfile.
 *
 * @see <a href="https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json">package-lock.json</a>
 * @see <a href="https://nodejs.org/api/modules.html#loading-from-node_modules-folders">Loading from node_modules folders</a>
 */
final class PackageLockEdges {

    private static final String NODE_MODULES = "node_modules/";
    private static final List<String> INSTALLED_GROUPS = List.of("dependencies", "optionalDependencies", "peerDependencies");

    private PackageLockEdges() {}

    /**
     * Returns the edges of a lockfile. A name that resolves to no entry (an optional dependency for
     * another platform, an optional peer) gives no edge.
     *
     * @param manifest the package.json beside the lockfile, or null
     */
    static Set<LockEdge> read(JsonNode lockfile, PackageJson manifest) {
        JsonNode packages = lockfile.get("packages");
        if (lockfile.path("lockfileVersion").asInt(1) >= 2 && packages != null && packages.isObject()) {
            return fromPackages(packages);
        }
        return fromNestedDependencies(lockfile.get("dependencies"), manifest);
    }

    private static Set<LockEdge> fromPackages(JsonNode packages) {
        Set<String> keys = new HashSet<>();
        packages.fieldNames().forEachRemaining(keys::add);
        // A workspace folder entry lists the dependencies, but the package is reported under its node_modules link.
        Map<String, List<String>> linksByTarget = new HashMap<>();
        Set<LockEdge> edges = new LinkedHashSet<>();
        for (var field : packages.properties()) {
            JsonNode entry = field.getValue();
            if (entry.path("link").asBoolean(false)) {
                String target = PackageJson.text(entry.get("resolved"));
                linksByTarget.computeIfAbsent(target, key -> new ArrayList<>()).add(field.getKey());
                if (isTopLevel(field.getKey()) && target != null && !target.contains(NODE_MODULES)) {
                    edges.add(new LockEdge(null, field.getKey()));
                }
            }
        }
        for (var field : packages.properties()) {
            String key = field.getKey();
            JsonNode entry = field.getValue();
            if (entry.path("link").asBoolean(false)) {
                continue;
            }
            boolean projectFolder = !key.contains(NODE_MODULES);
            List<String> fromKeys = new ArrayList<>();
            if (key.isEmpty()) {
                fromKeys.add(null);
            } else if (projectFolder) {
                fromKeys.addAll(linksByTarget.getOrDefault(key, List.of()));
            } else {
                fromKeys.add(key);
            }
            List<String> groups = new ArrayList<>(INSTALLED_GROUPS);
            if (projectFolder) {
                groups.add("devDependencies");
            }
            for (String name : names(entry, groups)) {
                String target = InstalledProject.resolve(key, name, keys);
                if (target != null) {
                    fromKeys.forEach(from -> edges.add(new LockEdge(from, target)));
                }
            }
        }
        return edges;
    }

    private static Set<LockEdge> fromNestedDependencies(JsonNode dependencies, PackageJson manifest) {
        Map<String, JsonNode> entries = new HashMap<>();
        collectNested(dependencies, "", entries);
        Set<LockEdge> edges = new LinkedHashSet<>();
        Set<String> required = new HashSet<>();
        entries.forEach((path, entry) -> {
            for (String name : names(entry, List.of("requires"))) {
                String target = InstalledProject.resolve(path, name, entries.keySet());
                if (target != null) {
                    edges.add(new LockEdge(path, target));
                    required.add(target);
                }
            }
        });
        if (manifest != null) {
            for (String name : manifest.directNames()) {
                String target = InstalledProject.resolve("", name, entries.keySet());
                if (target != null) {
                    edges.add(new LockEdge(null, target));
                }
            }
            return edges;
        }
        // NOTE: without its package.json a version 1 lockfile does not name the project's own dependencies,
        // so the top-level entries that nothing requires are used in their place.
        for (String path : entries.keySet()) {
            if (isTopLevel(path) && !required.contains(path)) {
                edges.add(new LockEdge(null, path));
            }
        }
        return edges;
    }

    /** Collects version 1 entries by the install path that {@link PackageLockParser} gives them. */
    private static void collectNested(JsonNode dependencies, String parentPath, Map<String, JsonNode> entries) {
        if (dependencies == null || !dependencies.isObject()) {
            return;
        }
        for (var field : dependencies.properties()) {
            String path = parentPath + NODE_MODULES + field.getKey();
            entries.put(path, field.getValue());
            collectNested(field.getValue().get("dependencies"), path + "/", entries);
        }
    }

    private static Set<String> names(JsonNode entry, List<String> groups) {
        Set<String> names = new LinkedHashSet<>();
        for (String group : groups) {
            JsonNode dependencies = entry.get(group);
            if (dependencies != null && dependencies.isObject()) {
                dependencies.fieldNames().forEachRemaining(names::add);
            }
        }
        return names;
    }

    private static boolean isTopLevel(String key) {
        return key.startsWith(NODE_MODULES) && key.indexOf(NODE_MODULES, 1) < 0;
    }
}
