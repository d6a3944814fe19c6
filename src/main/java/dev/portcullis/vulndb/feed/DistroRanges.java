package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.TrackerState;
import dev.portcullis.vulndb.VersionRange;
import java.util.List;

/**
 * Builds the event range that a distro status implies, so a matcher can treat distro entries like
 * OSV ones: a fixed state gives {@code introduced 0, fixed V}; a vulnerable state without a fix
 * gives {@code introduced 0}; not-affected, removed and undetermined give no range, because the
 * status words alone carry them.
 */
final class DistroRanges {

    private DistroRanges() {}

    static List<VersionRange> of(DistroStatus status, String scheme) {
        return switch (status.state()) {
            case FIXED -> status.fixedVersion() == null
                    ? List.of()
                    : List.of(new VersionRange("ECOSYSTEM", scheme,
                            List.of(RangeEvent.introduced("0"), RangeEvent.fixed(status.fixedVersion()))));
            case UNFIXED, NO_DSA, IGNORED, POSTPONED, END_OF_LIFE ->
                    List.of(new VersionRange("ECOSYSTEM", scheme, List.of(RangeEvent.introduced("0"))));
            case NOT_AFFECTED, REMOVED, UNDETERMINED, UNKNOWN -> List.of();
        };
    }

    /** Returns the fixed versions a status names, and none for {@code "0"}, which means never affected. */
    static List<String> fixedVersions(DistroStatus status) {
        return status.state() == TrackerState.FIXED && status.fixedVersion() != null
                ? List.of(status.fixedVersion())
                : List.of();
    }
}
