package dev.portcullis.vulndb;

/**
 * The states the Debian security tracker distinguishes for a package in a release.
 *
 * @see <a href="https://security-tracker.debian.org/tracker/">Debian security tracker</a>
 */
public enum TrackerState {
    /** A fixed version exists in this release. */
    FIXED,
    /** Vulnerable, and no fixed version yet. */
    UNFIXED,
    /** Vulnerable, but too minor for a security advisory; a point release may fix it. */
    NO_DSA,
    /** Vulnerable, and the security team decided not to fix it. */
    IGNORED,
    /** Vulnerable, fix deferred to a later update. */
    POSTPONED,
    /** This release never had the vulnerable code. */
    NOT_AFFECTED,
    /** The package is no longer supported in this release. */
    END_OF_LIFE,
    /** The package was removed from the archive. */
    REMOVED,
    /** Not yet investigated. */
    UNDETERMINED,
    /** A word this model does not know; the raw words stay in {@link DistroStatus}. */
    UNKNOWN
}
