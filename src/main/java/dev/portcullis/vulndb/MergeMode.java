package dev.portcullis.vulndb;

/** How a written advisory combines with a stored one of the same source and id. */
public enum MergeMode {
    /** The new advisory replaces the stored one whole; for feeds with one complete record per advisory (OSV, NVD). */
    REPLACE,
    /**
     * The new advisory's affected entries replace stored entries of the same ecosystem and package,
     * and other stored entries stay; for distro feeds that spread one CVE over many files (Alpine
     * secdb per release, the Debian tracker per source package).
     */
    MERGE_AFFECTED
}
