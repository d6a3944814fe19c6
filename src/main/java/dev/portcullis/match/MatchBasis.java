package dev.portcullis.match;

/**
 * How one database record matched a package: which record and affected entry, which versions
 * were compared and with which comparator.
 *
 * @param source the feed of the record, for example {@code debian-tracker} or {@code ghsa}
 * @param advisoryId the record's id
 * @param ecosystem the affected entry's ecosystem or release key, for example {@code debian:12}
 * @param packageName the affected entry's package name
 * @param explanation the comparison in words, for example
 *     {@code deb source openssl 3.0.15-1~deb12u1 < fixed 3.0.16-1~deb12u1 (dpkg comparator)}
 */
public record MatchBasis(String source, String advisoryId, String ecosystem, String packageName, String explanation) {

    @Override
    public String toString() {
        return source + " " + advisoryId + " [" + ecosystem + "/" + packageName + "]: " + explanation;
    }
}
