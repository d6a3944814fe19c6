package dev.portcullis.version;

import java.util.Map;
import java.util.Optional;

/** Maps the ecosystem names of the peer tables to our schemes; unmapped names are skipped. */
final class PeerEcosystems {

    // Grype's "semver" format is its lenient semantic version (1.20rc1 = 1.20.0-rc1), which our
    // GENERIC scheme implements; node-semver rows are named "npm-semver".
    private static final Map<String, VersionScheme> SCHEMES = Map.ofEntries(
            Map.entry("dpkg", VersionScheme.DEB),
            Map.entry("apk", VersionScheme.APK),
            Map.entry("rpm", VersionScheme.RPM),
            Map.entry("npm-semver", VersionScheme.NPM),
            Map.entry("maven", VersionScheme.MAVEN),
            Map.entry("pep440", VersionScheme.PYPI),
            Map.entry("go", VersionScheme.GOLANG),
            Map.entry("gem", VersionScheme.GEM),
            Map.entry("semver", VersionScheme.GENERIC),
            Map.entry("generic", VersionScheme.GENERIC));

    /** Ecosystems of the peer tables that no scheme of ours covers, with the reason. */
    static final Map<String, String> SKIPPED = Map.of(
            "jvm", "Java runtime versions (1.8.0_222), not Maven artifact versions",
            "pacman", "Arch Linux pacman versions are not a supported scheme",
            "portage", "Gentoo portage versions are not a supported scheme",
            "fuzzy", "Grype's fuzzy fallback guesses a scheme; we compare under a named scheme",
            "bitnami", "Bitnami versions are not a supported scheme",
            "kb", "Microsoft KB numbers are not versions");

    private PeerEcosystems() {}

    static Optional<VersionScheme> scheme(String ecosystem) {
        return Optional.ofNullable(SCHEMES.get(ecosystem));
    }
}
