package dev.portcullis.triage.collect;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.version.VersionScheme;

/**
 * The version scheme of a package and the version to compare with distro data, so that triage
 * compares exactly as the matcher does.
 */
final class PackageVersions {

    private PackageVersions() {}

    static VersionScheme scheme(PackageType type) {
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

    static String comparator(PackageType type) {
        return switch (scheme(type)) {
            case DEB -> "dpkg comparator";
            case APK -> "apk-tools comparator";
            case RPM -> "rpmvercmp comparator";
            case NPM -> "semver comparator";
            case MAVEN -> "Maven ComparableVersion comparator";
            case PYPI -> "PEP 440 comparator";
            case GOLANG -> "Go module comparator";
            case GEM -> "Gem::Version comparator";
            case GENERIC -> "generic dotted comparator";
        };
    }

    /**
     * Returns the version distro data speaks of: the source version, with the binary's epoch put on
     * it when the fixed version names an epoch and the source version names none (dpkg drops it).
     */
    static String distroVersion(Package pkg, String fixed) {
        if (pkg.source() == null || pkg.source().version() == null) {
            return pkg.version();
        }
        String source = pkg.source().version();
        int binaryColon = pkg.version().indexOf(':');
        if (source.indexOf(':') < 0 && fixed != null && fixed.indexOf(':') > 0 && binaryColon > 0) {
            return pkg.version().substring(0, binaryColon + 1) + source;
        }
        return source;
    }

    /** Compares two versions, returning empty when either cannot be read in the scheme. */
    static java.util.OptionalInt compare(PackageType type, String a, String b) {
        try {
            return java.util.OptionalInt.of(scheme(type).compare(a, b));
        } catch (IllegalArgumentException e) {
            return java.util.OptionalInt.empty();
        }
    }
}
