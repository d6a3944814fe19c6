package dev.portcullis.vulndb.feed;

import java.util.Map;
import java.util.Optional;

/**
 * Maps OSV ecosystem names to the database's ecosystem keys and version schemes.
 *
 * <pre>{@code
 * Ecosystems.ofOsv("Debian:12")    -> debian:12, scheme deb
 * Ecosystems.ofOsv("Alpine:v3.20") -> alpine:3.20, scheme apk
 * Ecosystems.ofOsv("crates.io")    -> cargo, scheme cargo
 * }</pre>
 *
 * @see <a href="https://ossf.github.io/osv-schema/">OSV schema, defined ecosystems</a>
 */
final class Ecosystems {

    /** An ecosystem key with the version scheme of its {@code ECOSYSTEM} ranges. */
    record Ecosystem(String key, String scheme) {}

    private static final Map<String, String> LANGUAGE_KEYS = Map.of(
            "npm", "npm",
            "Maven", "maven",
            "PyPI", "pypi",
            "Go", "golang",
            "crates.io", "cargo",
            "RubyGems", "gem",
            "NuGet", "nuget",
            "Packagist", "composer");

    private Ecosystems() {}

    /** Maps an OSV ecosystem name, or returns empty for one this database does not store. */
    static Optional<Ecosystem> ofOsv(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = LANGUAGE_KEYS.get(name);
        if (key != null) {
            return Optional.of(new Ecosystem(key, key));
        }
        int colon = name.indexOf(':');
        String base = colon < 0 ? name : name.substring(0, colon);
        String release = colon < 0 ? null : name.substring(colon + 1);
        return switch (base) {
            case "Debian" -> Optional.of(new Ecosystem(release == null ? "debian" : "debian:" + release, "deb"));
            case "Alpine" -> Optional.of(new Ecosystem(release == null ? "alpine" : "alpine:" + stripV(release), "apk"));
            default -> Optional.empty();
        };
    }

    /** Turns an Alpine branch name such as {@code v3.20} into the release key part {@code 3.20}. */
    static String stripV(String release) {
        return release.startsWith("v") ? release.substring(1) : release;
    }
}
