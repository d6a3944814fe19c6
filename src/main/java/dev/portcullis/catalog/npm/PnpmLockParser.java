package dev.portcullis.catalog.npm;

import dev.portcullis.image.Skipped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses pnpm-lock.yaml, lockfile versions 5 to 9. The versions differ in how a package is keyed:
 *
 * <pre>{@code
 * v5:  /@babel/core/7.21.4_supports-color@8.1.1     (name/version, peers after "_")
 * v6:  /@babel/core@7.21.4(supports-color@8.1.1)    (name@version, peers in parentheses)
 * v9:  '@babel/core@7.21.4(supports-color@8.1.1)'   (under snapshots; packages keeps name@version)
 * }</pre>
 *
 * Each key (each peer combination in v6 and later) is one package. {@code importers} (or, in single
 * project v5 and v6 lockfiles, the top level) name the direct dependencies; v5 and v6 mark development
 * packages with {@code dev}, and v9 does not, so development scope comes from walking the dependencies
 * from each importer's groups. A lockfile with several YAML documents (pnpm 10 and later put the
 * package manager's own install first) is read document by document; packages reached only from
 * {@code packageManagerDependencies} or {@code configDependencies} are marked as tooling.
 *
 * @see <a href="https://github.com/pnpm/spec/tree/master/lockfile">pnpm lockfile specification</a>
 */
final class PnpmLockParser {

    private static final List<String> PRODUCTION_GROUPS = List.of("dependencies", "optionalDependencies");
    private static final List<String> TOOLING_GROUPS = List.of("packageManagerDependencies", "configDependencies");

    private final String location;
    private final Consumer<Skipped> skipped;
    private final Set<LockEdge> edges = new LinkedHashSet<>();

    PnpmLockParser(String location, Consumer<Skipped> skipped) {
        this.location = location;
        this.skipped = skipped;
    }

    /**
     * Returns every package of every document.
     *
     * @throws IllegalArgumentException when the text is not YAML
     */
    List<LockedPackage> parse(String text) {
        Map<String, LockedPackage> byKey = new LinkedHashMap<>();
        Iterable<Object> documents;
        try {
            documents = new Load(LoadSettings.builder().setLabel(location).build()).loadAllFromString(text);
            for (Object document : documents) {
                if (document instanceof Map<?, ?> map) {
                    for (LockedPackage locked : parseDocument(map)) {
                        byKey.merge(locked.lockKey(), locked, PnpmLockParser::preferProduction);
                    }
                }
            }
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("invalid YAML: " + e.getMessage(), e);
        }
        return List.copyOf(byKey.values());
    }

    /**
     * Returns the edges that {@link #parse} found between package keys, with the importers' own
     * dependencies as edges from a null key.
     */
    Set<LockEdge> edges() {
        return Set.copyOf(edges);
    }

    private static LockedPackage preferProduction(LockedPackage first, LockedPackage second) {
        return NpmProperties.SCOPE_PROD.equals(second.scope()) && !NpmProperties.SCOPE_PROD.equals(first.scope()) ? second : first;
    }

    private List<LockedPackage> parseDocument(Map<?, ?> document) {
        PnpmKeys keys = PnpmKeys.of(document.get("lockfileVersion"));
        Map<?, ?> packages = map(document.get("packages"));
        Map<?, ?> snapshots = map(document.get("snapshots"));
        // v9 lists resolved dependencies per peer combination under snapshots; older versions under packages.
        Map<?, ?> nodes = keys.major() >= 9 && !snapshots.isEmpty() ? snapshots : packages;
        Set<String> nodeKeys = new LinkedHashSet<>();
        nodes.keySet().forEach(key -> nodeKeys.add(String.valueOf(key)));
        addImportedWithoutEntry(document, keys, nodeKeys);

        DependencyGraph<String> graph = new DependencyGraph<>();
        for (String key : nodeKeys) {
            Map<?, ?> node = map(nodes.get(key));
            for (String group : PRODUCTION_GROUPS) {
                map(node.get(group)).forEach((name, ref) -> {
                    String target = keys.resolve(String.valueOf(name), refOf(ref), nodeKeys);
                    if (target != null) {
                        graph.addEdge(key, target);
                    }
                });
            }
        }

        Set<String> productionRoots = new LinkedHashSet<>();
        Set<String> developmentRoots = new LinkedHashSet<>();
        Set<String> toolingRoots = new LinkedHashSet<>();
        for (Map<?, ?> importer : importers(document)) {
            PRODUCTION_GROUPS.forEach(group -> addRoots(importer, group, keys, nodeKeys, productionRoots));
            addRoots(importer, "devDependencies", keys, nodeKeys, developmentRoots);
            TOOLING_GROUPS.forEach(group -> addRoots(importer, group, keys, nodeKeys, toolingRoots));
        }
        Map<String, String> scopes = graph.scopes(productionRoots, developmentRoots);
        graph.forEachEdge((from, to) -> edges.add(new LockEdge(from, to)));
        productionRoots.forEach(key -> edges.add(new LockEdge(null, key)));
        developmentRoots.forEach(key -> edges.add(new LockEdge(null, key)));
        Set<String> tooling = new HashSet<>(graph.reachableFrom(toolingRoots));
        tooling.removeAll(scopes.keySet());

        List<LockedPackage> result = new ArrayList<>();
        for (String key : nodeKeys) {
            Map<?, ?> node = map(nodes.get(key));
            Map<?, ?> info = nodes == packages ? node : map(packages.get(PnpmKeys.withoutPeers(key)));
            LockedPackage locked = toLocked(key, keys, node, info, scopes.get(key), tooling.contains(key),
                    productionRoots.contains(key) || developmentRoots.contains(key));
            if (locked != null) {
                result.add(locked);
            }
        }
        return result;
    }

    private LockedPackage toLocked(String key, PnpmKeys keys, Map<?, ?> node, Map<?, ?> info, String walkedScope,
            boolean tooling, boolean direct) {
        String[] nameAndVersion = keys.nameAndVersion(key);
        String name = info.get("name") instanceof String declared ? declared : nameAndVersion[0];
        String version = info.get("version") instanceof String declared ? declared : nameAndVersion[1];
        // A local folder dependency (file:package1) records no version unless the lockfile copies it from
        // the folder's package.json, as v5 and v6 do. Like a link: folder it is part of the project.
        if (version != null && version.startsWith("file:") && map(info.get("resolution")).containsKey("directory")) {
            return null;
        }
        if (name == null || version == null || version.isBlank()) {
            skipped.accept(new Skipped(location + ": " + key, "cannot read a name and version from the key; the package is left out"));
            return null;
        }
        String scope = walkedScope;
        if (info.get("dev") instanceof Boolean dev) {
            scope = dev ? NpmProperties.SCOPE_DEV : NpmProperties.SCOPE_PROD;
        }
        Map<?, ?> resolution = map(info.get("resolution"));
        boolean optional = Boolean.TRUE.equals(node.get("optional")) || Boolean.TRUE.equals(info.get("optional"));
        return new LockedPackage(name, version, key, tooling ? null : scope, direct, optional, false, false, false,
                tooling, null, resolution.get("tarball") instanceof String tarball ? tarball : null,
                resolution.get("integrity") instanceof String integrity ? integrity : null, List.of());
    }

    /**
     * Adds the keys of versions that an importer names but the packages section lacks (trimmed or
     * hand-edited lockfiles), so that the locked direct dependency is still reported.
     */
    private static void addImportedWithoutEntry(Map<?, ?> document, PnpmKeys keys, Set<String> nodeKeys) {
        List<String> groups = new ArrayList<>(PRODUCTION_GROUPS);
        groups.add("devDependencies");
        for (Map<?, ?> importer : importers(document)) {
            for (String group : groups) {
                map(importer.get(group)).forEach((name, value) -> {
                    String ref = refOf(value);
                    boolean plainVersion = !ref.isEmpty() && Character.isDigit(ref.charAt(0));
                    if (plainVersion && keys.resolve(String.valueOf(name), ref, nodeKeys) == null) {
                        nodeKeys.add(keys.keyFor(String.valueOf(name), ref));
                    }
                });
            }
        }
    }

    private static void addRoots(Map<?, ?> importer, String group, PnpmKeys keys, Set<String> nodeKeys, Set<String> roots) {
        map(importer.get(group)).forEach((name, ref) -> {
            String target = keys.resolve(String.valueOf(name), refOf(ref), nodeKeys);
            if (target != null) {
                roots.add(target);
            }
        });
    }

    /** Returns the importers; single-project lockfiles before v9 keep the root importer's groups at the top level. */
    private static List<Map<?, ?>> importers(Map<?, ?> document) {
        Map<?, ?> importers = map(document.get("importers"));
        if (importers.isEmpty()) {
            return List.of(document);
        }
        List<Map<?, ?>> result = new ArrayList<>();
        importers.values().forEach(importer -> result.add(map(importer)));
        return result;
    }

    /** Returns the resolved reference: v5 writes it as the value, v6 and later under {@code version}. */
    private static String refOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return String.valueOf(map.get("version"));
        }
        return String.valueOf(value);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
