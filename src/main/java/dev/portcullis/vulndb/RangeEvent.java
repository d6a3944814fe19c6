package dev.portcullis.vulndb;
import java.util.Locale;

/**
 * One event of a {@link VersionRange}: the version where the affected state starts or ends.
 *
 * @param kind what happens at this version
 * @param version the version as the source wrote it; {@code "0"} for {@code introduced} means
 *     every version before the next event
 */
public record RangeEvent(Kind kind, String version) {

    /** The OSV event types. */
    public enum Kind {
        INTRODUCED,
        FIXED,
        LAST_AFFECTED,
        LIMIT;

        /** Returns the event's field name in OSV JSON, for example {@code last_affected}. */
        public String osvName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static RangeEvent introduced(String version) {
        return new RangeEvent(Kind.INTRODUCED, version);
    }

    public static RangeEvent fixed(String version) {
        return new RangeEvent(Kind.FIXED, version);
    }
}
