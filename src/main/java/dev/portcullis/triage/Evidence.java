package dev.portcullis.triage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One checkable fact with where it came from. {@code details} contains the parts a reviewer checks, for
 * example {@code installed}, {@code fixed} and {@code comparator} for a version comparison, or
 * {@code path}, {@code layer} and {@code entryVersion} for a changelog line.
 *
 * <pre>{@code
 * Evidence.of(EvidenceKind.CHANGELOG, "/usr/share/doc/zlib1g/changelog.Debian.gz",
 *         "entry 1:1.2.13.dfsg-1 names CVE-2023-45853",
 *         Map.of("entryVersion", "1:1.2.13.dfsg-1", "line", "* Fix CVE-2023-45853"));
 * }</pre>
 *
 * @param kind what kind of fact it is
 * @param source where it came from: a feed and record id, a file path, a Dockerfile name
 * @param fact the fact in one sentence
 * @param details the checkable parts by name, in insertion order
 * @param decided whether this fact decided the verdict
 */
public record Evidence(EvidenceKind kind, String source, String fact, Map<String, String> details, boolean decided) {

    public Evidence {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Creates a non-deciding fact; the triage engine marks the facts behind the verdict as deciding. */
    public static Evidence of(EvidenceKind kind, String source, String fact, Map<String, String> details) {
        return new Evidence(kind, source, fact, details, false);
    }

    public static Evidence of(EvidenceKind kind, String source, String fact) {
        return of(kind, source, fact, Map.of());
    }

    public Evidence withDecided(boolean value) {
        return new Evidence(kind, source, fact, details, value);
    }
}
