package dev.portcullis.vulndb;

import java.time.Instant;
import java.util.List;

/** Small advisories for store tests. */
final class TestAdvisories {

    private TestAdvisories() {}

    static Advisory npm(String id, String alias, String packageName, String fixed) {
        Affected affected = new Affected("npm", packageName,
                List.of(new VersionRange("ECOSYSTEM", "npm", List.of(RangeEvent.introduced("0"), RangeEvent.fixed(fixed)))),
                List.of(), null, null, List.of(fixed), null, null, null);
        return new Advisory(id, "ghsa", List.of(alias), "summary of " + id, null, Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2022-01-01T00:00:00Z"), null, List.of(new Severity("ghsa", "GHSA", null, "HIGH")),
                List.of(new Reference("WEB", "https://example.invalid/" + id)), List.of(affected), "{\"severity\":\"HIGH\"}");
    }

    static Advisory debian(String id, String release, String packageName, DistroStatus status) {
        Affected affected = new Affected(release, packageName, List.of(), List.of(), null, null, List.of(), status, null, null);
        return new Advisory(id, "debian-tracker", List.of(), null, null, null, null, null, List.of(), List.of(),
                List.of(affected), null);
    }
}
