package dev.portcullis.triage;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.Level;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.match.Rating;
import dev.portcullis.vulndb.KevEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Builds packages and findings for triage unit tests. */
public final class TestFindings {

    private TestFindings() {}

    public static Package deb(String name, String version, String source) {
        return new Package(PackageType.DEB, name, version, "amd64", new SourcePackage(source, version),
                "pkg:deb/debian/" + name + "@" + version + "?arch=amd64&distro=debian-12", "dpkg-db-cataloger",
                List.of("/var/lib/dpkg/status"), List.of(), null, List.of(), Map.of());
    }

    public static Package npm(String name, String version, Map<String, String> properties) {
        return new Package(PackageType.NPM, name, version, null, null, "pkg:npm/" + name + "@" + version,
                "npm-package-json-cataloger", List.of("/app/node_modules/" + name + "/package.json"), List.of(), null,
                List.of(), properties);
    }

    public static Package withPurl(PackageType type, String name, String version, String purl) {
        return new Package(type, name, version, null, null, purl, "test", List.of("/test"), List.of(), null,
                List.of(), Map.of());
    }

    /** A finding with no fix named, rated by a CVSS vector when one is given. */
    public static Finding finding(Package pkg, String id, String vector) {
        List<Rating> ratings = vector == null ? List.of()
                : List.of(new Rating("ghsa", "CVSS_V3", Level.HIGH, 7.5, vector));
        return new Finding(pkg, pkg.version(), id, List.of(), null, List.of(), FixState.NOT_FIXED, "no fix",
                List.of(), ratings, ratings.isEmpty() ? null : ratings.getFirst(), null, null,
                List.of(new MatchBasis("test", id, pkg.type().purlType(), pkg.name(), "matched in a test")));
    }

    public static Finding finding(Package pkg, String id) {
        return finding(pkg, id, null);
    }

    public static Finding fixed(Package pkg, String id, String fixed, Level level) {
        Rating rating = new Rating("ghsa", "GHSA", level, null, level.word());
        return new Finding(pkg, pkg.version(), id, List.of(), null, List.of(), FixState.FIXED, "fixed in " + fixed,
                List.of(fixed), List.of(rating), rating, null, null,
                List.of(new MatchBasis("ghsa", id, pkg.type().purlType(), pkg.name(), pkg.version() + " < " + fixed)));
    }

    public static Finding inKev(Finding finding) {
        KevEntry kev = new KevEntry(finding.id(), "vendor", "product", "name", "description", LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 1, 23), "Unknown", "Apply updates.", "", List.of());
        return new Finding(finding.pkg(), finding.installedVersion(), finding.id(), finding.aliases(), finding.summary(),
                finding.affectedRanges(), finding.fixState(), finding.statusWords(), finding.fixedVersions(),
                finding.ratings(), finding.displayed(), kev, finding.epss(), finding.basis());
    }
}
