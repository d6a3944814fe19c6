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
        // Ids are computed once per package, because an id hashes the package's locations and properties.
        Map<String, String> idByKey = new HashMap<>();
        for (Package pkg : packages) {
            String key = pkg.properties().get(NpmProperties.LOCK_PATH);
            if (key != null) {
                idByKey.putIfAbsent(key, Dependency.idOf(pkg));
            }
        }
        Set<Dependency> dependencies = new LinkedHashSet<>();
        for (LockEdge edge : edges) {
            String to = idByKey.get(edge.toKey());
            String from = edge.fromKey() == null ? Dependency.ROOT_ID : idByKey.get(edge.fromKey());
            if (to != null && from != null && !from.equals(to)) {
                dependencies.add(new Dependency(from, to, Dependency.Kind.DEPENDS_ON));
            }
        }
        return List.copyOf(dependencies);
    }
}
