package dev.portcullis.server.analysis;

/**
 * One finding as the server stores it.
 *
 * @param vulnId the vulnerability's main id, for example {@code CVE-2020-8203}
 * @param verdict a verdict name: {@code AFFECTED}, {@code ALREADY_PATCHED}, {@code NOT_AFFECTED},
 *     {@code UPSTREAM_PENDING} or {@code LOW_RISK}
 * @param risk a risk level name: {@code CRITICAL}, {@code HIGH}, {@code MEDIUM}, {@code LOW} or
 *     {@code MINIMAL}
 * @param fixedVersion the lowest fixing version, or null when none is known
 * @param evidenceJson a JSON array of evidence objects, each with a {@code kind} and its facts
 */
public record StoredFinding(
        String vulnId,
        String packageType,
        String packageName,
        String packageVersion,
        String verdict,
        String risk,
        boolean kev,
        String fixedVersion,
        String summary,
        String evidenceJson) {

    /** Returns the key that identifies the same finding across scans of one image. */
    public String identity() {
        return vulnId + " " + packageName;
    }
}
