package dev.portcullis.match;

import java.util.Locale;
import java.util.Optional;

/**
 * A severity level on one scale for every source, highest first, so that findings sort by it.
 * CVSS scores map as the CVSS v3.1 specification's qualitative scale does (9.0 and up critical,
 * 7.0 high, 4.0 medium, 0.1 low); Debian's {@code unimportant} maps to {@link #NEGLIGIBLE}.
 *
 * @see <a href="https://www.first.org/cvss/v3.1/specification-document">CVSS v3.1, qualitative scale</a>
 */
public enum Level {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    NEGLIGIBLE,
    UNKNOWN;

    /** Returns the level of a CVSS base score. */
    public static Level ofScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : NEGLIGIBLE;
    }

    /**
     * Reads a level word as sources write it: {@code HIGH}, {@code moderate}, {@code low**},
     * {@code unimportant}. Returns empty for words that rate nothing, such as
     * {@code not yet assigned} or {@code end-of-life}.
     */
    public static Optional<Level> ofWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        // The Debian tracker marks guessed urgencies with trailing asterisks, for example "low**".
        String key = word.strip().replaceAll("\\*+$", "").toLowerCase(Locale.ROOT);
        return switch (key) {
            case "critical" -> Optional.of(CRITICAL);
            case "high", "important" -> Optional.of(HIGH);
            case "medium", "moderate" -> Optional.of(MEDIUM);
            case "low" -> Optional.of(LOW);
            case "unimportant", "negligible", "none" -> Optional.of(NEGLIGIBLE);
            default -> Optional.empty();
        };
    }

    /** Returns the lower-case word used in reports, for example {@code high}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
