package dev.portcullis.vulndb;

import java.time.LocalDate;

/**
 * A distro source package whose security support is limited or ends before the release does,
 * from Debian's debian-security-support lists.
 *
 * @param distro the distro key, {@code debian}
 * @param release the release the entry is for ({@code 12}), or null when the list names none
 * @param packageName the source package name; Debian writes some as regular expressions such as
 *     {@code golang.*}, kept as written
 * @param kind whether support is limited or ended
 * @param lastVersion the last version with support, for an ended package; null otherwise
 * @param ended the date support ended or will end, for an ended package; null otherwise
 * @param details the list's free-text reason or link, or null
 * @param source the source name
 */
public record SecuritySupportLimit(
        String distro,
        String release,
        String packageName,
        Kind kind,
        String lastVersion,
        LocalDate ended,
        String details,
        String source) {

    /** The two lists of debian-security-support. */
    public enum Kind {
        /** Listed in {@code security-support-limited}: supported only for some uses. */
        LIMITED,
        /** Listed in {@code security-support-ended.debNN}: no more security updates after a date. */
        ENDED
    }

    /** Returns whether this entry names the source package, matching the written name as a whole-name pattern. */
    public boolean matches(String sourcePackage) {
        if (packageName.equals(sourcePackage)) {
            return true;
        }
        try {
            return packageName.matches(".*[.*+?\\[].*") && sourcePackage.matches(packageName);
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }
}
