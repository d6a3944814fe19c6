package dev.portcullis.catalog.npm;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One dependency between two lockfile entries, named by their lockfile keys.
 *
 * @param fromKey the key of the depending entry, or null for the project itself
 * @param toKey the key of the entry depended on
 */
record LockEdge(String fromKey, String toKey) {

    /**
     * Turns edges into relationships between the packages made from the same lockfile, matched through
     * {@link NpmProperties#LOCK_PATH}. An edge to or from an entry that gave no package is dropped.
     */
    static List<Dependency> toDependencies(List<Package> packages, Collection<LockEdge> edges) {
        Map<String, Package> byKey = new HashMap<>();
        for (Package pkg : packages) {
            String key = pkg.properties().get(NpmProperties.LOCK_PATH);
            if (key != null) {
                byKey.putIfAbsent(key, pkg);
            }
        }
        Set<Dependency> dependencies = new LinkedHashSet<>();
        for (LockEdge edge : edges) {
            Package to = byKey.get(edge.toKey());
            if (to == null) {
                continue;
            }
            if (edge.fromKey() == null) {
                dependencies.add(Dependency.rootDependsOn(to));
                continue;
            }
            Package from = byKey.get(edge.fromKey());
            if (from != null && from != to) {
                dependencies.add(Dependency.dependsOn(from, to));
            }
        }
        return List.copyOf(dependencies);
    }
}
