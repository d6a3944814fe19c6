package dev.portcullis.audit;

import java.util.Locale;

/** Severity of an audit finding, from most to least severe. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /** Returns true when this severity is at or above {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /**
     * Parses a severity name in any letter case, for example {@code high}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid severity '" + text + "': expected one of critical, high, medium, low, info", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
