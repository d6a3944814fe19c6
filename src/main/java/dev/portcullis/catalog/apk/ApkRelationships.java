package dev.portcullis.catalog.apk;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code D:} fields of the apk database into relationships. Each space-separated token names
 * a package or something a package provides in its {@code p:} field, for example
 * {@code D:so:libc.musl-x86_64.so.1 so:libcrypto.so.3 ca-certificates-bundle>=20240226}. A token is
 * matched by its name without the version constraint, to the installed package of that name or else
 * the one that provides it. Tokens starting with {@code !} are conflicts and give no edge.
 *
 * @see <a href="https://wiki.alpinelinux.org/wiki/Apk_spec">Alpine apk spec, installed database</a>
 */
final class ApkRelationships {

    private static final String CONSTRAINT_CHARACTERS = "<>=~";

    private ApkRelationships() {}

    /** Returns the edges among the installed packages. */
    static List<Dependency> of(List<ApkEntry> entries, Map<ApkEntry, Package> packageByEntry) {
        Map<String, Package> byName = new HashMap<>();
        Map<String, Package> byProvided = new HashMap<>();
        for (ApkEntry entry : entries) {
            Package pkg = packageByEntry.get(entry);
            byName.putIfAbsent(entry.name(), pkg);
            for (String token : tokens(entry.provides())) {
                byProvided.putIfAbsent(name(token), pkg);
            }
        }

        Set<Dependency> dependencies = new LinkedHashSet<>();
        for (ApkEntry entry : entries) {
            Package from = packageByEntry.get(entry);
            for (String token : tokens(entry.depends())) {
                if (token.startsWith("!")) {
                    continue;
                }
                String name = name(token);
                Package to = byName.containsKey(name) ? byName.get(name) : byProvided.get(name);
                if (to != null && to != from) {
                    dependencies.add(Dependency.dependsOn(from, to));
                }
            }
        }
        return List.copyOf(dependencies);
    }

    /** Returns the name of a token without its version constraint, for example {@code musl} for {@code musl>=1.2}. */
    static String name(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (CONSTRAINT_CHARACTERS.indexOf(token.charAt(i)) >= 0) {
                return token.substring(0, i);
            }
        }
        return token;
    }

    private static List<String> tokens(String field) {
        return field == null || field.isBlank() ? List.of() : List.of(field.trim().split("\\s+"));
    }
}
