package dev.portcullis.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the candidates of one package by vulnerability: two records are the same vulnerability
 * when their ids and aliases share an id, directly or through other records (an alias graph).
 *
 * <p>Distro security advisories (DSA, DLA, DTSA, USN, RHSA) list every CVE they fix, so they would
 * join unrelated CVEs into one group. They never link groups: such a record joins every group
 * that contains one of its CVEs, and forms a group of its own only when it joins none.
 *
 * <p>Example: GHSA-35jh-r3h4-6jhm (alias CVE-2021-23337) and a record with id CVE-2021-23337
 * form one group; CVE-2024-2961 and DSA-5673-1 (which lists it) form one group.
 */
final class AliasGroups {

    private static final List<String> UMBRELLA_PREFIXES = List.of("DSA-", "DLA-", "DTSA-", "USN-", "RHSA-");

    private AliasGroups() {}

    static boolean isUmbrella(String id) {
        return UMBRELLA_PREFIXES.stream().anyMatch(id::startsWith);
    }

    /** Returns the groups in the order their first candidate appears. */
    static List<List<Candidate>> group(List<Candidate> candidates) {
        Map<String, String> parent = new HashMap<>();
        List<Candidate> umbrellas = new ArrayList<>();
        List<Candidate> plain = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (isUmbrella(candidate.advisory().id())) {
                umbrellas.add(candidate);
                continue;
            }
            plain.add(candidate);
            String root = candidate.advisory().id();
            parent.putIfAbsent(root, root);
            for (String alias : linkingIds(candidate)) {
                parent.putIfAbsent(alias, alias);
                union(parent, root, alias);
            }
        }
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate candidate : plain) {
            groups.computeIfAbsent(find(parent, candidate.advisory().id()), k -> new ArrayList<>()).add(candidate);
        }
        for (Candidate umbrella : umbrellas) {
            Set<String> roots = new LinkedHashSet<>();
            for (String alias : umbrella.advisory().aliases()) {
                if (parent.containsKey(alias)) {
                    roots.add(find(parent, alias));
                }
            }
            if (roots.isEmpty()) {
                groups.computeIfAbsent(umbrella.advisory().id(), k -> new ArrayList<>()).add(umbrella);
            }
            roots.forEach(root -> groups.get(root).add(umbrella));
        }
        return List.copyOf(groups.values());
    }

    private static List<String> linkingIds(Candidate candidate) {
        return candidate.advisory().aliases().stream().filter(alias -> !isUmbrella(alias)).toList();
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String rootA = find(parent, a);
        String rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootB, rootA);
        }
    }
}
