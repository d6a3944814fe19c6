package dev.portcullis.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One OSV range of type {@code ECOSYSTEM} or {@code SEMVER}, evaluated as the OSV schema
 * describes: events sorted by version, each {@code introduced} at or below the version opens the
 * range, each {@code fixed} at or below it and each {@code last_affected} below it closes it, and
 * a version at or above every {@code limit} is outside.
 *
 * <p>Use {@link VersionScheme#NPM} for {@code SEMVER} ranges of any ecosystem, since OSV orders
 * them by Semantic Versioning. {@code GIT} ranges name commits and are not versions.
 *
 * <p>Example: events {@code introduced 0, fixed 1.2.3} contain {@code 1.2.2} and not
 * {@code 1.2.3}.
 *
 * @see <a href="https://ossf.github.io/osv-schema/#evaluation">OSV schema: evaluation</a>
 */
public record OsvRange(VersionScheme scheme, List<Event> events) implements Constraint {

    /** The {@code introduced} value that means "from the first version on". */
    public static final String INTRODUCED_FROM_START = "0";
    /** The {@code limit} value that means "no limit". */
    public static final String NO_LIMIT = "*";

    /** One event of a range. */
    public sealed interface Event permits Introduced, Fixed, LastAffected, Limit {
        String version();
    }

    public record Introduced(String version) implements Event {}

    public record Fixed(String version) implements Event {}

    public record LastAffected(String version) implements Event {}

    public record Limit(String version) implements Event {}

    /**
     * @throws InvalidVersionException naming the first event version that cannot be read
     */
    public OsvRange {
        List<Event> sorted = new ArrayList<>(events);
        for (Event event : sorted) {
            if (!isOpenEnded(event)) {
                scheme.validate(event.version());
            }
        }
        // List.sort is stable, so events with equal versions keep the order the data gave them.
        sorted.sort(byVersion(scheme));
        events = List.copyOf(sorted);
    }

    /** Returns a range from events, in the order the advisory lists them. */
    public static OsvRange of(VersionScheme scheme, Event... events) {
        return new OsvRange(scheme, List.of(events));
    }

    @Override
    public boolean contains(String version) {
        scheme.validate(version);
        if (!beforeLimits(version)) {
            return false;
        }
        boolean affected = false;
        for (Event event : events) {
            switch (event) {
                case Introduced introduced -> {
                    if (isOpenEnded(introduced) || scheme.compare(version, introduced.version()) >= 0) {
                        affected = true;
                    }
                }
                case Fixed fixed -> {
                    if (scheme.compare(version, fixed.version()) >= 0) {
                        affected = false;
                    }
                }
                case LastAffected last -> {
                    if (scheme.compare(version, last.version()) > 0) {
                        affected = false;
                    }
                }
                case Limit ignored -> {
                    // Limits are applied before the walk.
                }
            }
        }
        return affected;
    }

    private boolean beforeLimits(String version) {
        List<Limit> limits = events.stream().filter(Limit.class::isInstance).map(Limit.class::cast).toList();
        return limits.isEmpty() || limits.stream()
                .anyMatch(limit -> isOpenEnded(limit) || scheme.compare(version, limit.version()) < 0);
    }

    private static boolean isOpenEnded(Event event) {
        return (event instanceof Introduced && event.version().equals(INTRODUCED_FROM_START))
                || (event instanceof Limit && event.version().equals(NO_LIMIT));
    }

    private static Comparator<Event> byVersion(VersionScheme scheme) {
        return (left, right) -> {
            int leftRank = rank(left);
            int rightRank = rank(right);
            if (leftRank != 0 || rightRank != 0) {
                return Integer.compare(leftRank, rightRank);
            }
            return scheme.compare(left.version(), right.version());
        };
    }

    // "introduced 0" sorts before every version and "limit *" after every version.
    private static int rank(Event event) {
        if (!isOpenEnded(event)) {
            return 0;
        }
        return event instanceof Introduced ? -1 : 1;
    }
}
