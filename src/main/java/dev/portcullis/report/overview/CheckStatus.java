package dev.portcullis.report.overview;

/** The outcome of one check of the overview. */
public enum CheckStatus {
    PASSED,
    FAILED,
    /** Undecided, because an input is missing, for example no Dockerfile was passed. */
    UNKNOWN
}
