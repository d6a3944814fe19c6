package dev.portcullis.triage;

import dev.portcullis.catalog.Package;
import dev.portcullis.version.VersionScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one piece of advice per package: the highest fixed version needed across the package's
 * AFFECTED findings. Example: lodash 4.17.15 with fixes 4.17.19 and 4.17.21 gets
 * {@code upgrade lodash to 4.17.21} on both findings.
 */
final class Advice {

    private Advice() {}

    static List<TriagedFinding> attach(List<TriagedFinding> findings) {
        Map<Package, String> highest = new LinkedHashMap<>();
        for (TriagedFinding triaged : findings) {
            if (triaged.verdict().kind() != VerdictKind.AFFECTED) {
                continue;
            }
            Package pkg = triaged.finding().pkg();
            VersionScheme scheme = scheme(pkg);
            for (String fixed : triaged.finding().fixedVersions()) {
                highest.merge(pkg, fixed, (a, b) -> compare(scheme, a, b) >= 0 ? a : b);
            }
        }
        List<TriagedFinding> result = new ArrayList<>(findings.size());
        for (TriagedFinding triaged : findings) {
            Optional<String> target = Optional.ofNullable(highest.get(triaged.finding().pkg()))
                    .filter(version -> triaged.verdict().kind() == VerdictKind.AFFECTED);
            result.add(target.isEmpty() ? triaged
                    : triaged.withAdvice("upgrade " + triaged.finding().pkg().name() + " to " + target.get()));
        }
        return result;
    }

    private static int compare(VersionScheme scheme, String a, String b) {
        try {
            return scheme.compare(a, b);
        } catch (IllegalArgumentException e) {
            return a.compareTo(b);
        }
    }

    private static VersionScheme scheme(Package pkg) {
        return switch (pkg.type()) {
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
}
