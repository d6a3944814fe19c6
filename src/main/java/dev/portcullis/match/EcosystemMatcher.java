package dev.portcullis.match;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.Skipped;
import dev.portcullis.version.VersionScheme;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the OSV records of a language package (npm, Maven, PyPI, Go, Cargo, RubyGems, NuGet,
 * Composer) by its ecosystem key and name as OSV writes it: {@code group:artifact} for Maven,
 * the PEP 503 normalized name for PyPI, {@code vendor/name} for Composer.
 */
final class EcosystemMatcher {

    private final VulnDatabase database;
    private final Consumer<Skipped> skipped;

    EcosystemMatcher(VulnDatabase database, Consumer<Skipped> skipped) {
        this.database = database;
        this.skipped = skipped;
    }

    List<Candidate> candidates(Package pkg) {
        Optional<String> ecosystem = ecosystemKey(pkg.type());
        if (ecosystem.isEmpty()) {
            return List.of();
        }
        VersionScheme scheme = Schemes.of(pkg.type());
        String name = osvName(pkg);
        String label = ecosystem.get() + " " + name;
        List<Candidate> result = new ArrayList<>();
        for (Advisory advisory : database.advisories(ecosystem.get(), name)) {
            if (advisory.isWithdrawn()) {
                continue;
            }
            for (Affected entry : advisory.affected()) {
                try {
                    RangeEvaluator.evaluate(entry, pkg.version(), scheme, label)
                            .ifPresent(verdict -> result.add(new Candidate(advisory, entry, 0, false, verdict)));
                } catch (IllegalArgumentException e) {
                    skipped.accept(new Skipped(advisory.source() + " " + advisory.id() + " " + label,
                            "cannot compare " + pkg.version() + ": " + e.getMessage()));
                }
            }
        }
        return result;
    }

    static Optional<String> ecosystemKey(PackageType type) {
        return switch (type) {
            case NPM, MAVEN, PYPI, GOLANG, GEM, CARGO, COMPOSER, NUGET -> Optional.of(type.purlType());
            case DEB, APK, RPM, GENERIC -> Optional.empty();
        };
    }

    static String osvName(Package pkg) {
        String name = pkg.name();
        return switch (pkg.type()) {
            case PYPI -> name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case MAVEN, COMPOSER -> name.contains(":") || name.contains("/") ? name : withNamespace(pkg);
            default -> name;
        };
    }

    // The catalog keeps a Maven group or Composer vendor in the purl's namespace when the name lacks it.
    private static String withNamespace(Package pkg) {
        if (pkg.purl() == null) {
            return pkg.name();
        }
        try {
            String namespace = new com.github.packageurl.PackageURL(pkg.purl()).getNamespace();
            if (namespace == null) {
                return pkg.name();
            }
            return namespace + (pkg.type() == PackageType.MAVEN ? ":" : "/") + pkg.name();
        } catch (com.github.packageurl.MalformedPackageURLException e) {
            return pkg.name();
        }
    }
}
