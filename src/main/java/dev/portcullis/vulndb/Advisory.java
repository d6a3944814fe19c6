package dev.portcullis.vulndb;

import java.time.Instant;
import java.util.List;

/**
 * One vulnerability record from one source, kept as close to the source's wording as the model
 * allows.
 *
 * @param id the source's identifier, for example {@code GHSA-35jh-r3h4-6jhm} or {@code CVE-2024-2961}
 * @param source the feed it came from, for example {@code ghsa}, {@code osv-pypi},
 *     {@code debian-tracker}, {@code alpine-secdb}, {@code nodejs-core}, {@code nvd}
 * @param aliases other identifiers of the same vulnerability, for example the CVE of a GHSA
 * @param summary one-line title, or null when the source has none
 * @param details longer description, or null
 * @param published when the source first published it, or null when the source gives no date
 * @param modified when the source last changed it, or null
 * @param withdrawn when the source withdrew it, or null while it is in force
 * @param severities ratings with the source that gave each
 * @param references links the source lists
 * @param affected packages per ecosystem or distro release
 * @param databaseSpecific the source's {@code database_specific} object as raw JSON, or null
 */
public record Advisory(
        String id,
        String source,
        List<String> aliases,
        String summary,
        String details,
        Instant published,
        Instant modified,
        Instant withdrawn,
        List<Severity> severities,
        List<Reference> references,
        List<Affected> affected,
        String databaseSpecific) {

    public Advisory {
        aliases = List.copyOf(aliases);
        severities = List.copyOf(severities);
        references = List.copyOf(references);
        affected = List.copyOf(affected);
    }

    /** Returns a copy that contains only the given affected entries. */
    public Advisory withAffected(List<Affected> entries) {
        return new Advisory(id, source, aliases, summary, details, published, modified, withdrawn,
                severities, references, entries, databaseSpecific);
    }

    public boolean isWithdrawn() {
        return withdrawn != null;
    }
}
