package dev.portcullis.catalog.dpkg;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the {@code Pre-Depends} and {@code Depends} fields of installed packages into relationships.
 *
 * <p>A field is a comma-separated list of groups of alternatives separated by {@code |}, each an
 * optional version and architecture restriction after the name, for example
 * {@code libc6 (>= 2.34), libssl3 | libssl1.1, debconf (>= 0.5) | debconf-2.0}. Each group gives one
 * edge, to the first alternative that is installed under that name or that an installed package
 * {@code Provides}. Versions are not compared: the installed package is the one dpkg resolved the group
 * to, because dpkg refuses to configure a package whose dependencies are unmet.
 *
 * @see <a href="https://www.debian.org/doc/debian-policy/ch-relationships.html">Debian Policy, declaring relationships between packages</a>
 */
final class DpkgRelationships {

    // The version restriction "(>= 2.34)", the architecture restriction "[amd64]" and the build profile "<!nocheck>".
    private static final Pattern RESTRICTIONS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|<[^>]*>");

    private DpkgRelationships() {}

    /** An installed entry with the package made from it. */
    record Installed(DpkgEntry entry, Package pkg) {}

    /** Returns the edges among the installed packages. */
    static List<Dependency> of(List<Installed> installed) {
        Map<String, List<Package>> byName = new HashMap<>();
        for (Installed item : installed) {
            byName.computeIfAbsent(item.entry().name(), name -> new ArrayList<>()).add(item.pkg());
            for (String provided : names(item.entry().provides())) {
                byName.computeIfAbsent(provided, name -> new ArrayList<>()).add(item.pkg());
            }
        }

        Set<Dependency> dependencies = new LinkedHashSet<>();
        for (Installed item : installed) {
            if (item.entry().depends() == null) {
                continue;
            }
            for (String group : item.entry().depends().split(",")) {
                Package target = firstInstalled(group, item.pkg(), byName);
                if (target != null && target != item.pkg()) {
                    dependencies.add(Dependency.dependsOn(item.pkg(), target));
                }
            }
        }
        return List.copyOf(dependencies);
    }

    private static Package firstInstalled(String group, Package from, Map<String, List<Package>> byName) {
        for (String alternative : group.split("\\|")) {
            List<Package> candidates = byName.get(name(alternative));
            if (candidates != null) {
                return sameArchitecture(candidates, from);
            }
        }
        return null;
    }

    // Multi-Arch installs can have libc6:amd64 and libc6:i386, and a package needs the copy of its own architecture.
    private static Package sameArchitecture(List<Package> candidates, Package from) {
        for (Package candidate : candidates) {
            if (candidate.architecture() != null && candidate.architecture().equals(from.architecture())) {
                return candidate;
            }
        }
        return candidates.getFirst();
    }

    private static List<String> names(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : field.split(",")) {
            String name = name(part);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Returns the package name of one alternative, without restrictions or an {@code :any} qualifier. */
    static String name(String alternative) {
        String name = RESTRICTIONS.matcher(alternative).replaceAll("").trim();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
