package dev.portcullis.triage;

import java.util.Locale;

/** The five verdicts without their details, for grouping and gating. */
public enum VerdictKind {
    AFFECTED,
    ALREADY_PATCHED,
    NOT_AFFECTED,
    UPSTREAM_PENDING,
    LOW_RISK;

    /** Returns the lower-case label used in JSON and SARIF, for example {@code already_patched}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
