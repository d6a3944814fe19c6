package dev.portcullis.match;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DatabaseBuilder;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.Severity;
import dev.portcullis.vulndb.VersionRange;
import dev.portcullis.vulndb.VulnDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Builds small databases and packages for matcher tests. */
final class TestDatabases {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private TestDatabases() {}

    static VulnDatabase write(Path file, List<Advisory> advisories) throws Exception {
        new DatabaseBuilder(CLOCK).update(file, writer -> {
            for (Advisory advisory : advisories) {
                writer.putAdvisory(advisory, MergeMode.MERGE_AFFECTED);
            }
            return null;
        });
        return VulnDatabase.open(file);
    }

    static Advisory debian(String id, List<String> aliases, String release, String source, DistroStatus status) {
        Affected affected = new Affected(release, source, List.of(), List.of(), null, null,
                status.fixedVersion() == null ? List.of() : List.of(status.fixedVersion()), status, null, null);
        return new Advisory(id, "debian-tracker", aliases, null, null, null, null, null, List.of(), List.of(),
                List.of(affected), null);
    }

    static DistroStatus status(String word, String fixedVersion, String urgency) {
        return new DistroStatus(word, fixedVersion, urgency, null, null, null);
    }

    static Advisory osv(String id, String source, List<String> aliases, String ecosystem, String name, String fixed,
            String level) {
        Affected affected = new Affected(ecosystem, name,
                List.of(new VersionRange("ECOSYSTEM", ecosystem.startsWith("debian") ? "deb" : ecosystem, List.of(RangeEvent.introduced("0"), RangeEvent.fixed(fixed)))),
                List.of(), null, null, List.of(fixed), null, null, null);
        return new Advisory(id, source, aliases, "summary of " + id, null, null, null, null,
                level == null ? List.of() : List.of(new Severity(source, "GHSA", null, level)), List.of(),
                List.of(affected), null);
    }

    static Package deb(String name, String version, String source, String sourceVersion) {
        return new Package(PackageType.DEB, name, version, "amd64", new SourcePackage(source, sourceVersion),
                "pkg:deb/debian/" + name + "@" + version, "dpkg-db-cataloger", List.of("/var/lib/dpkg/status"),
                List.of(), null, List.of(), Map.of());
    }

    static Package npm(String name, String version) {
        return new Package(PackageType.NPM, name, version, null, null, "pkg:npm/" + name + "@" + version,
                "npm-package-json-cataloger", List.of("/app/node_modules/" + name + "/package.json"), List.of(), null,
                List.of(), Map.of());
    }
}
