package dev.portcullis.triage.imported;

/**
 * One finding as another scanner reported it.
 *
 * @param scanner the scanner that reported it: {@code trivy} or {@code grype}
 * @param id the vulnerability id, for example {@code CVE-2023-4911}
 * @param packageName the package name as the scanner wrote it
 * @param installedVersion the installed version as the scanner wrote it
 * @param fixedVersion the fixed version the scanner named, or null when it named none
 * @param severity the scanner's severity word, or null
 * @param purl the package URL the scanner gave, or null
 */
public record ReportedFinding(String scanner, String id, String packageName, String installedVersion,
        String fixedVersion, String severity, String purl) {

    /** Returns {@code id in name version}, the way messages name the finding. */
    public String label() {
        return id + " in " + packageName + " " + installedVersion;
    }
}
