package dev.portcullis.match;

import dev.portcullis.catalog.PackageType;
import dev.portcullis.version.VersionScheme;
import dev.portcullis.vulndb.VersionRange;
import java.util.Map;
import java.util.Optional;

/** Picks the version scheme that compares a range's versions, and names its comparator for evidence. */
final class Schemes {

    private static final Map<VersionScheme, String> COMPARATOR_NAMES = Map.of(
            VersionScheme.DEB, "dpkg",
            VersionScheme.APK, "apk-tools",
            VersionScheme.RPM, "rpmvercmp",
            VersionScheme.NPM, "semver",
            VersionScheme.MAVEN, "Maven ComparableVersion",
            VersionScheme.PYPI, "PEP 440",
            VersionScheme.GOLANG, "Go module",
            VersionScheme.GEM, "Gem::Version",
            VersionScheme.GENERIC, "generic dotted");

    private Schemes() {}

    /**
     * Returns the scheme of an OSV range: {@code SEMVER} ranges compare by Semantic Versioning
     * whatever the ecosystem, as the OSV schema states; {@code GIT} ranges name commits and are
     * never compared.
     */
    static Optional<VersionScheme> of(VersionRange range) {
        if ("GIT".equals(range.type())) {
            return Optional.empty();
        }
        if ("SEMVER".equals(range.type())) {
            return Optional.of(VersionScheme.NPM);
        }
        return byName(range.scheme());
    }

    static Optional<VersionScheme> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name) {
            // Cargo versions are Semantic Versioning 2.0.0.
            case "cargo" -> Optional.of(VersionScheme.NPM);
            // TODO: NuGet and Composer need their own comparators; dotted numbers order most of their releases.
            case "nuget", "composer" -> Optional.of(VersionScheme.GENERIC);
            default -> VersionScheme.fromName(name);
        };
    }

    /** Returns the scheme of a package type's own versions. */
    static VersionScheme of(PackageType type) {
        return switch (type) {
            case DEB -> VersionScheme.DEB;
            case APK -> VersionScheme.APK;
            case RPM -> VersionScheme.RPM;
            case NPM, CARGO -> VersionScheme.NPM;
            case MAVEN -> VersionScheme.MAVEN;
            case PYPI -> VersionScheme.PYPI;
            case GOLANG -> VersionScheme.GOLANG;
            case GEM -> VersionScheme.GEM;
            case COMPOSER, NUGET, GENERIC -> VersionScheme.GENERIC;
        };
    }

    static String comparator(VersionScheme scheme) {
        return COMPARATOR_NAMES.getOrDefault(scheme, scheme.versName()) + " comparator";
    }
}
