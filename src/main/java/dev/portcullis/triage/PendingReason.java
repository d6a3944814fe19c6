package dev.portcullis.triage;

/** The reason a vulnerable package has no fix for the image's distro release yet. */
public enum PendingReason {
    /** No fixed version released for the release (the Debian tracker's {@code unfixed}). */
    NO_FIX_RELEASED("no fix released"),
    /** The security team rates the issue too minor for an advisory (the Debian tracker's {@code no-dsa}). */
    MINOR_PER_SECURITY_TEAM("minor per the security team (no-dsa)"),
    /** The security team decided not to fix it (the Debian tracker's {@code ignored}). */
    WILL_NOT_FIX("will not fix"),
    /** The fix is deferred to a later update (the Debian tracker's {@code postponed}). */
    POSTPONED("postponed");

    private final String text;

    PendingReason(String text) {
        this.text = text;
    }

    /** Returns the words reports show, for example {@code will not fix}. */
    public String text() {
        return text;
    }
}
