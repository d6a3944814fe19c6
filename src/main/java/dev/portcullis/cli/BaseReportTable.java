package dev.portcullis.cli;

import dev.portcullis.base.BaseImageAssessment;
import dev.portcullis.base.BaseReport;
import dev.portcullis.base.DistroAssessment;
import dev.portcullis.base.FixedAdvisory;
import dev.portcullis.base.LineStatus;
import dev.portcullis.base.PatchRelease;
import dev.portcullis.base.PhaseText;
import dev.portcullis.base.RuntimeAssessment;
import dev.portcullis.base.UpstreamStatus;
import dev.portcullis.base.VulnerabilityDelta;
import dev.portcullis.vulndb.SecuritySupportLimit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a base report as text for a terminal: one block per base image with its runtime, distro,
 * registry view, comparison and notes.
 *
 * <pre>
 * Dockerfile:1  node:20.18.0-bookworm-slim
 *   runtime  nodejs 20 (iron) at 20.18.0: END OF LIFE since 2026-04-30
 *            newest 20.20.2 (2026-03-24, security release); a newer patch exists
 * </pre>
 */
final class BaseReportTable {

    private static final String INDENT = "           ";

    String format(BaseReport report) {
        StringBuilder text = new StringBuilder();
        text.append("Base images of ").append(report.input()).append(" as of ").append(report.asOf()).append('\n');
        if (report.images().isEmpty()) {
            text.append("No external base image (only scratch or earlier stages).\n");
        }
        for (BaseImageAssessment image : report.images()) {
            text.append('\n').append(image.origin());
            if (image.reference() != null) {
                text.append("  ").append(image.reference());
            }
            text.append('\n');
            if (image.tag() != null && !image.tag().variants().isEmpty()) {
                text.append("  variant  ").append(String.join(", ", image.tag().variants())).append('\n');
            }
            if (image.runtime() != null) {
                runtime(text, image.runtime());
            }
            if (image.distro() != null) {
                distro(text, image.distro());
            }
            if (image.upstream() != null) {
                upstream(text, image.upstream());
            }
            if (image.comparison() != null) {
                comparison(text, image.comparison());
            }
            for (String note : image.notes()) {
                text.append("  note     ").append(note).append('\n');
            }
        }
        return text.toString();
    }

    private static void runtime(StringBuilder text, RuntimeAssessment runtime) {
        text.append("  runtime  ").append(runtime.product());
        if (runtime.line() != null) {
            text.append(' ').append(lineName(runtime.line()));
        }
        text.append(" at ").append(runtime.versionAsWritten());
        if (!"tag".equals(runtime.versionSource())) {
            text.append(" (from ").append(runtime.versionSource()).append(')');
        }
        if (runtime.line() != null) {
            text.append(": ").append(PhaseText.describe(runtime.line()));
        }
        text.append('\n');
        if (runtime.newestPatch() != null) {
            text.append(INDENT).append("newest ").append(patch(runtime.newestPatch()))
                    .append(runtime.outdated() ? "; a newer patch exists" : "").append('\n');
        }
        if (!runtime.securityReleasesSince().isEmpty()) {
            text.append(INDENT).append("security releases since ").append(runtime.pinnedVersion()).append(": ")
                    .append(runtime.securityReleasesSince().stream().map(PatchRelease::version).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (!runtime.advisoriesFixedSince().isEmpty()) {
            text.append(INDENT).append(runtime.advisoriesFixedSince().size()).append(" runtime advisories fixed since ")
                    .append(runtime.pinnedVersion()).append(":\n");
            for (FixedAdvisory advisory : runtime.advisoriesFixedSince()) {
                text.append(INDENT).append("  ").append(advisory.id()).append("  ").append(String.join(" ", advisory.cves()))
                        .append("  fixed in ").append(advisory.fixedIn())
                        .append(advisory.severity() == null ? "" : "  " + advisory.severity()).append('\n');
            }
        }
        supported(text, "supported lines", runtime.supportedLines());
    }

    private static void distro(StringBuilder text, DistroAssessment distro) {
        text.append("  distro   ").append(distro.distro());
        if (distro.release() != null) {
            text.append(' ').append(lineName(distro.release())).append(": ").append(PhaseText.describe(distro.release()));
        } else if (distro.releaseAsWritten() != null) {
            text.append(' ').append(distro.releaseAsWritten()).append(": release unknown");
        } else {
            text.append(": release not pinned");
        }
        text.append('\n');
        supported(text, "supported releases", distro.supportedReleases());
        for (SecuritySupportLimit limit : distro.limitedPackages()) {
            text.append(INDENT).append(limit.packageName()).append(": security support ")
                    .append(limit.kind() == SecuritySupportLimit.Kind.LIMITED ? "limited" : "ended " + limit.ended()
                            + " (last supported " + limit.lastVersion() + ")")
                    .append(limit.details() == null ? "" : "; " + limit.details()).append('\n');
        }
    }

    private static void upstream(StringBuilder text, UpstreamStatus upstream) {
        text.append("  tags     ").append(upstream.newerTags().isEmpty()
                ? "no newer tag of the same variant in the registry"
                : "newer tags of the same variant: " + String.join(", ", upstream.newerTags())).append('\n');
        if (upstream.currentDigest() != null) {
            text.append("  digest   ").append(upstream.rebuilt()
                    ? "rebuilt upstream since " + upstream.pinnedDigest() + "; the tag now points at " + upstream.currentDigest()
                    : "the tag still points at " + upstream.pinnedDigest()).append('\n');
        }
    }

    private static void comparison(StringBuilder text, VulnerabilityDelta delta) {
        text.append("  compare  moving to ").append(delta.candidate()).append(": ")
                .append(delta.fixed().size()).append(" fixed, ")
                .append(delta.added().size()).append(" added, ")
                .append(delta.unchanged().size()).append(" unchanged").append('\n');
        ids(text, "fixed", delta.fixed());
        ids(text, "added", delta.added());
        ids(text, "unchanged", delta.unchanged());
    }

    private static void ids(StringBuilder text, String title, List<String> ids) {
        if (!ids.isEmpty()) {
            text.append(INDENT).append(title).append(": ").append(String.join(", ", ids)).append('\n');
        }
    }

    private static void supported(StringBuilder text, String title, List<LineStatus> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append(INDENT).append(title).append(":\n");
        for (LineStatus line : lines) {
            text.append(INDENT).append("  ").append(lineName(line)).append(": ").append(PhaseText.describe(line)).append('\n');
        }
    }

    private static String lineName(LineStatus line) {
        return line.line() + (line.codename() == null ? "" : " (" + line.codename() + ")");
    }

    private static String patch(PatchRelease patch) {
        String details = patch.released() == null ? "" : patch.released().toString();
        if (patch.security() != null) {
            details += (details.isEmpty() ? "" : ", ") + (patch.security() ? "security release" : "not a security release");
        }
        return patch.version() + (details.isEmpty() ? "" : " (" + details + ")");
    }
}
