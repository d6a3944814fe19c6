package dev.portcullis.match;

/** Whether a fix is available for the package in its own ecosystem or distro release. */
public enum FixState {
    /** A fixed version exists for this package's ecosystem or release. */
    FIXED,
    /** Vulnerable, and the source names no fix yet (unfixed, no-dsa, postponed, undetermined). */
    NOT_FIXED,
    /** Vulnerable, and the distro decided not to fix it (the Debian tracker's {@code ignored}). */
    WONT_FIX,
    /** The package is no longer supported in this release. */
    END_OF_LIFE
}
