package dev.portcullis.vulndb;

import java.util.List;

/**
 * A version range as a list of events, the model of the OSV schema.
 *
 * @param type the source's range type: {@code ECOSYSTEM} or {@code SEMVER} for OSV, {@code ECOSYSTEM}
 *     for ranges built from distro data
 * @param scheme the version scheme the matcher must compare with, named as in the package URL
 *     {@code vers} specification: {@code deb}, {@code apk}, {@code npm}, {@code maven},
 *     {@code pypi}, {@code golang}, {@code cargo}, {@code gem}, {@code nuget}, {@code composer},
 *     {@code semver}
 * @param events the events in the source's order
 * @see <a href="https://ossf.github.io/osv-schema/">OSV schema, field affected[].ranges</a>
 */
public record VersionRange(String type, String scheme, List<RangeEvent> events) {

    public VersionRange {
        events = List.copyOf(events);
    }
}
