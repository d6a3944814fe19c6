package dev.portcullis.catalog.npm;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Package-to-package edges of one lockfile or install, walked breadth first. Lockfiles can contain
 * cycles (a depends on b, b on a), so every walk keeps a visited set and ends.
 *
 * @param <K> the key of a package, such as a lockfile key or an install path
 */
final class DependencyGraph<K> {

    private final Map<K, Set<K>> edges = new LinkedHashMap<>();

    void addEdge(K from, K to) {
        edges.computeIfAbsent(from, key -> new LinkedHashSet<>()).add(to);
    }

    /** Passes every edge to the consumer, in the order the edges were added. */
    void forEachEdge(BiConsumer<K, K> consumer) {
        edges.forEach((from, targets) -> targets.forEach(to -> consumer.accept(from, to)));
    }

    /** Returns the roots and every key reachable from them. */
    Set<K> reachableFrom(Collection<K> roots) {
        Set<K> visited = new HashSet<>();
        Deque<K> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            K current = queue.removeFirst();
            if (visited.add(current)) {
                queue.addAll(edges.getOrDefault(current, Set.of()));
            }
        }
        return visited;
    }

    /**
     * Returns {@code prod} for keys reachable from the production roots, {@code dev} for keys reachable
     * only from the development roots, and nothing for keys reachable from neither.
     */
    Map<K, String> scopes(Collection<K> productionRoots, Collection<K> developmentRoots) {
        Set<K> production = reachableFrom(productionRoots);
        Set<K> development = reachableFrom(developmentRoots);
        Map<K, String> scopes = new LinkedHashMap<>();
        for (K key : development) {
            scopes.put(key, NpmProperties.SCOPE_DEV);
        }
        for (K key : production) {
            scopes.put(key, NpmProperties.SCOPE_PROD);
        }
        return scopes;
    }
}
