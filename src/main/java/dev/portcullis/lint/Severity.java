package dev.portcullis.lint;

import java.util.Locale;

/** Severity of a finding, ordered from most to least serious, the order {@code --fail-on} compares in. */
public enum Severity {
    ERROR, WARNING, INFO, STYLE;

    /** Returns true when this severity is at or above the threshold. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Reads {@code error}, {@code warning}, {@code info} or {@code style}, in any case. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid severity \"" + text + "\"; use error, warning, info or style", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
