package dev.portcullis.triage.collect;

import dev.portcullis.catalog.PackageType;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.PendingReason;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.TrackerState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the distro's own status words for the package in the image's release.
 *
 * <ul>
 *   <li>{@code not-affected}, or Debian's JSON export writing fixed version {@code "0"}: NOT_AFFECTED
 *       (vulnerable_code_not_present);
 *   <li>{@code unfixed}, {@code no-dsa}, {@code postponed}, {@code ignored}, and a release without a line
 *       of its own while unstable has a fix: UPSTREAM_PENDING with the matching reason;
 *   <li>urgency {@code unimportant}: LOW_RISK with Debian's notes quoted;
 *   <li>{@code end-of-life}: AFFECTED, with no security support.
 * </ul>
 * A {@code fixed} line is left to {@link VersionCollector}, which compares its version.
 */
public final class DistroStatusCollector implements EvidenceCollector {

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        if (finding.pkg().type() != PackageType.DEB && finding.pkg().type() != PackageType.APK) {
            return List.of();
        }
        List<Observation> observations = new ArrayList<>();
        String release = DistroEntries.releaseKey(context.distro()).orElse("the image's release");
        for (DistroEntries.Entry entry : DistroEntries.of(finding, context.distro(), context.advisories())) {
            DistroStatus status = entry.affected().status();
            if (status != null) {
                observe(finding, entry, status, release).ifPresent(observations::add);
            }
        }
        return observations;
    }

    private java.util.Optional<Observation> observe(Finding finding, DistroEntries.Entry entry, DistroStatus status,
            String release) {
        Evidence evidence = evidence(entry, status);
        String where = entry.affected().ecosystem() + "/" + entry.affected().packageName();
        TrackerState state = status.state();
        if (state == TrackerState.NOT_AFFECTED) {
            return java.util.Optional.of(Observation.verdict(new Verdict.NotAffected(
                    Justification.VULNERABLE_CODE_NOT_PRESENT, "the distro marks " + where + " not affected"), evidence));
        }
        if (state == TrackerState.FIXED && fixedAtOrBelowInstalled(finding, status.fixedVersion())) {
            return java.util.Optional.of(Observation.fact(evidence));
        }
        if (status.isUnimportant()) {
            return java.util.Optional.of(Observation.verdict(
                    new Verdict.LowRisk(true, "the distro rates it unimportant" + distroReason(entry, status)), evidence));
        }
        Verdict verdict = switch (state) {
            case UNFIXED, UNDETERMINED, UNKNOWN -> pending(PendingReason.NO_FIX_RELEASED, where);
            case NO_DSA -> pending(PendingReason.MINOR_PER_SECURITY_TEAM, where);
            case POSTPONED -> pending(PendingReason.POSTPONED, where);
            case IGNORED -> pending(PendingReason.WILL_NOT_FIX, where);
            case END_OF_LIFE -> new Verdict.Affected("no security support: the distro ended security support for "
                    + where);
            case FIXED -> entry.releaseOwn() ? null : new Verdict.UpstreamPending(PendingReason.NO_FIX_RELEASED,
                    "no fix released for " + release + "; unstable is fixed in " + status.fixedVersion());
            case NOT_AFFECTED, REMOVED -> null;
        };
        return java.util.Optional.of(new Observation(List.of(evidence), verdict));
    }

    private static Verdict pending(PendingReason reason, String where) {
        return new Verdict.UpstreamPending(reason, reason.text() + " for " + where);
    }

    private static boolean fixedAtOrBelowInstalled(Finding finding, String fixed) {
        if (fixed == null) {
            return true;
        }
        String installed = PackageVersions.distroVersion(finding.pkg(), fixed);
        return PackageVersions.compare(finding.pkg().type(), installed, fixed).orElse(-1) >= 0;
    }

    /** Returns the distro's explanation: the line's note, then the record's notes. */
    private static String distroReason(DistroEntries.Entry entry, DistroStatus status) {
        List<String> parts = new ArrayList<>();
        if (status.note() != null && !status.note().isBlank()) {
            parts.add(status.note().strip());
        }
        String details = entry.advisory().details();
        if (details != null && !details.isBlank() && entry.advisory().source().startsWith("debian")) {
            parts.add(details.strip().replace('\n', ' '));
        }
        return parts.isEmpty() ? "" : ": \"" + String.join("; ", parts) + "\"";
    }

    private static Evidence evidence(DistroEntries.Entry entry, DistroStatus status) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("release", entry.affected().ecosystem());
        details.put("package", entry.affected().packageName());
        details.put("status", status.status());
        putIfPresent(details, "fixedVersion", status.fixedVersion());
        putIfPresent(details, "urgency", status.urgency());
        putIfPresent(details, "nodsa", status.nodsa());
        putIfPresent(details, "nodsaReason", status.nodsaReason());
        putIfPresent(details, "note", status.note());
        String words = status.status() + (status.fixedVersion() != null ? " " + status.fixedVersion() : "")
                + (status.urgency() != null ? " (" + status.urgency() + ")" : "");
        String scope = entry.releaseOwn() ? "" : " (distro-wide line; the release has none of its own)";
        return Evidence.of(EvidenceKind.DISTRO_STATUS, entry.advisory().source() + " " + entry.advisory().id(),
                entry.affected().ecosystem() + "/" + entry.affected().packageName() + ": " + words + scope, details);
    }

    private static void putIfPresent(Map<String, String> details, String key, String value) {
        if (value != null && !value.isBlank()) {
            details.put(key, value);
        }
    }
}
