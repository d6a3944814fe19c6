package dev.portcullis.vulndb;

import java.util.Locale;

/**
 * A distro's status words for one package in one release, exactly as the source wrote them.
 *
 * <p>The Debian tracker's JSON export writes {@code status} as {@code resolved}, {@code open} or
 * {@code undetermined} and puts {@code no-dsa}, {@code ignored} and {@code postponed} in
 * {@code nodsa} and {@code nodsa_reason}. Its text form writes one word per line
 * ({@code unfixed}, {@code no-dsa}, {@code not-affected}, ...). {@link #state()} reads either.
 *
 * @param status the source's status word, for example {@code resolved}, {@code open},
 *     {@code unfixed}, {@code no-dsa}, {@code fixed}
 * @param fixedVersion the fixed version the source names; {@code "0"} in the JSON export means the
 *     release was never affected
 * @param urgency the urgency or severity word, for example {@code unimportant}, {@code low},
 *     {@code not yet assigned}, {@code end-of-life}
 * @param nodsa the JSON export's {@code nodsa} text (why no security advisory is planned), or null
 * @param nodsaReason the JSON export's {@code nodsa_reason} ({@code ignored}, {@code postponed},
 *     or empty for a plain no-dsa), or null
 * @param note the text form's explanation in brackets, for example {@code Minor issue}, or null
 */
public record DistroStatus(
        String status, String fixedVersion, String urgency, String nodsa, String nodsaReason, String note) {

    /**
     * Derives the tracker state from the words above, without comparing any version.
     *
     * <p>For example {@code status=open, nodsa="Minor issue", nodsa_reason=""} is {@link
     * TrackerState#NO_DSA}, and {@code status=resolved, fixed_version="0"} is {@link
     * TrackerState#NOT_AFFECTED}.
     */
    public TrackerState state() {
        String word = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return switch (word) {
            case "resolved", "fixed" -> "0".equals(fixedVersion) ? TrackerState.NOT_AFFECTED : TrackerState.FIXED;
            case "open" -> openState();
            case "undetermined" -> TrackerState.UNDETERMINED;
            case "unfixed" -> TrackerState.UNFIXED;
            case "no-dsa" -> TrackerState.NO_DSA;
            case "ignored" -> TrackerState.IGNORED;
            case "postponed" -> TrackerState.POSTPONED;
            case "not-affected" -> TrackerState.NOT_AFFECTED;
            case "end-of-life" -> TrackerState.END_OF_LIFE;
            case "removed" -> TrackerState.REMOVED;
            default -> TrackerState.UNKNOWN;
        };
    }

    private TrackerState openState() {
        if ("ignored".equals(nodsaReason)) {
            return TrackerState.IGNORED;
        }
        if ("postponed".equals(nodsaReason)) {
            return TrackerState.POSTPONED;
        }
        if (nodsa != null) {
            return TrackerState.NO_DSA;
        }
        if ("end-of-life".equals(urgency)) {
            return TrackerState.END_OF_LIFE;
        }
        return TrackerState.UNFIXED;
    }

    /** Returns whether the distro rates the issue {@code unimportant}, whatever its state. */
    public boolean isUnimportant() {
        return urgency != null && urgency.startsWith("unimportant");
    }
}
