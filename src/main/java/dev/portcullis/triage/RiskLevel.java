package dev.portcullis.triage;

import java.util.Locale;

/** The urgency of a finding, highest first. */
public enum RiskLevel {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    MINIMAL;

    /** Returns the level {@code steps} higher (positive) or lower (negative), kept within the scale. */
    public RiskLevel shift(int steps) {
        int index = Math.clamp(ordinal() - steps, 0, values().length - 1);
        return values()[index];
    }

    public boolean atLeast(RiskLevel other) {
        return ordinal() <= other.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a level name in any case, for example {@code high}. */
    public static RiskLevel parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid risk level '" + text
                    + "': expected one of critical, high, medium, low, minimal", e);
        }
    }
}
