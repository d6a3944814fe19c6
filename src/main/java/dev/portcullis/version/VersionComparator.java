package dev.portcullis.version;

/** Ordering of version strings under one scheme; implementations are stateless. */
interface VersionComparator {

    /**
     * Compares two versions.
     *
     * @return a negative number, zero or a positive number as {@code a} is lower than, equal to or
     *     higher than {@code b}
     * @throws InvalidVersionException if either version cannot be read under the scheme
     */
    int compare(String a, String b);

    /**
     * Checks that a version can be read.
     *
     * @throws InvalidVersionException naming the value and the reason when it cannot
     */
    void validate(String version);
}
