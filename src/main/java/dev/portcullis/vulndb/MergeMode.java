package dev.portcullis.vulndb;

/** The rule for combining a written advisory with a stored one of the same source and id. */
public enum MergeMode {
    /** The new advisory replaces the stored one whole; for feeds with one complete record per advisory (OSV, NVD). */
    REPLACE,
    /**
     * The new advisory's affected entries replace stored entries of the same ecosystem and package,
     * and other stored entries stay. Distro feeds need this because they spread one CVE over many
     * files: Alpine secdb has one file per release, the Debian tracker one record per source package.
     */
    MERGE_AFFECTED
}
