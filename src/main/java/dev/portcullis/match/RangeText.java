package dev.portcullis.match;

import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an affected entry's range or status as the source wrote it, for reports.
 *
 * <p>Examples: {@code npm lodash: introduced 0, fixed 4.17.19};
 * {@code debian:12 glibc: no-dsa (Minor issue)};
 * {@code nodejs node: vulnerable 20.x || 22.x, patched ^20.20.2 || ^22.22.2}.
 */
final class RangeText {

    private RangeText() {}

    static String of(Affected entry) {
        List<String> parts = new ArrayList<>();
        DistroStatus status = entry.status();
        if (status != null) {
            parts.add(statusText(status));
        } else {
            for (VersionRange range : entry.ranges()) {
                parts.add(range.events().stream().map(RangeText::event).collect(Collectors.joining(", ")));
            }
        }
        if (!entry.versions().isEmpty()) {
            parts.add("versions " + String.join(", ", entry.versions()));
        }
        if (entry.vulnerableConstraint() != null) {
            parts.add("vulnerable " + entry.vulnerableConstraint());
        }
        if (entry.patchedConstraint() != null) {
            parts.add("patched " + entry.patchedConstraint());
        }
        return entry.ecosystem() + " " + entry.packageName() + ": " + String.join("; ", parts);
    }

    /** Returns the distro's words, for example {@code fixed 2.36-9+deb12u6} or {@code no-dsa (Minor issue)}. */
    static String statusText(DistroStatus status) {
        StringBuilder text = new StringBuilder(status.status() == null ? "unknown" : status.status());
        if (status.fixedVersion() != null) {
            text.append(' ').append(status.fixedVersion());
        }
        if (status.nodsaReason() != null && !status.nodsaReason().isEmpty()) {
            text.append(' ').append(status.nodsaReason());
        }
        String reason = status.note() != null ? status.note() : status.nodsa();
        if (reason != null && !reason.isEmpty()) {
            text.append(" (").append(reason).append(')');
        }
        if (status.urgency() != null) {
            text.append(", urgency ").append(status.urgency());
        }
        return text.toString();
    }

    private static String event(RangeEvent event) {
        return event.kind().osvName() + " " + event.version();
    }
}
