package dev.portcullis.report.overview;

import dev.portcullis.base.BaseImageAssessment;
import dev.portcullis.base.DistroAssessment;
import dev.portcullis.base.LineStatus;
import dev.portcullis.base.PatchRelease;
import dev.portcullis.base.PhaseText;
import dev.portcullis.base.RuntimeAssessment;
import dev.portcullis.vulndb.SecuritySupportLimit;
import java.util.ArrayList;
import java.util.List;

/**
 * One base image of the overview's Base image section as labelled lines, so that the Markdown and HTML
 * writers only format.
 *
 * @param heading the reference and where it was read, such as {@code node:20-bookworm-slim at Dockerfile:3}
 * @param items the runtime, patch, distro, supported lines and notes, in that order
 */
record BaseImageEntry(String heading, List<Item> items) {

    /** One labelled line, such as {@code Runtime} with its phase. */
    record Item(String label, String text) {}

    BaseImageEntry {
        items = List.copyOf(items);
    }

    static BaseImageEntry of(BaseImageAssessment image) {
        String heading = image.reference() == null ? image.origin() : image.reference() + " at " + image.origin();
        List<Item> items = new ArrayList<>();
        if (image.runtime() != null) {
            runtime(image.runtime(), items);
        }
        if (image.distro() != null) {
            distro(image.distro(), items);
        }
        image.notes().forEach(note -> items.add(new Item("Note", note)));
        return new BaseImageEntry(heading, items);
    }

    private static void runtime(RuntimeAssessment runtime, List<Item> items) {
        String version = runtime.versionAsWritten() + ("tag".equals(runtime.versionSource()) ? " (from the tag)"
                : " (from " + runtime.versionSource() + ")");
        items.add(new Item("Runtime", runtime.line() == null
                ? runtime.product() + " at " + version + ": line unknown to the lifecycle data"
                : runtime.product() + " " + BaseImages.lineName(runtime.line()) + " at " + version + ": "
                        + PhaseText.describe(runtime.line())));
        if (runtime.newestPatch() != null) {
            String state;
            if (runtime.pinnedVersion() == null) {
                state = "the tag pins no patch, so the image has whichever patch it was built with";
            } else {
                state = runtime.outdated() ? "a newer patch than " + runtime.pinnedVersion() + " exists"
                        : runtime.pinnedVersion() + " is the newest patch";
            }
            items.add(new Item("Newest patch", patch(runtime.newestPatch()) + "; " + state));
        }
        if (!runtime.securityReleasesSince().isEmpty()) {
            items.add(new Item("Security releases since " + runtime.pinnedVersion(), String.join(", ",
                    runtime.securityReleasesSince().stream().map(PatchRelease::version).toList())));
        }
        if (!runtime.supportedLines().isEmpty()) {
            items.add(new Item("Supported lines", lines(runtime.product(), runtime.supportedLines())));
        }
    }

    private static void distro(DistroAssessment distro, List<Item> items) {
        String text;
        if (distro.release() != null) {
            text = distro.distro() + " " + BaseImages.lineName(distro.release()) + ": " + PhaseText.describe(distro.release());
        } else if (distro.releaseAsWritten() != null) {
            text = distro.distro() + " " + distro.releaseAsWritten() + ": release unknown to the lifecycle data";
        } else {
            text = distro.distro() + ": release not pinned";
        }
        items.add(new Item("Distro", text));
        if (!distro.supportedReleases().isEmpty()) {
            items.add(new Item("Supported releases", lines(distro.distro(), distro.supportedReleases())));
        }
        for (SecuritySupportLimit limit : distro.limitedPackages()) {
            items.add(new Item("Security support of " + limit.packageName(),
                    (limit.kind() == SecuritySupportLimit.Kind.LIMITED ? "limited"
                            : "ended " + limit.ended() + " (last supported " + limit.lastVersion() + ")")
                            + (limit.details() == null ? "" : "; " + limit.details())));
        }
    }

    private static String lines(String product, List<LineStatus> lines) {
        return String.join("; ", lines.stream()
                .map(line -> product + " " + BaseImages.lineName(line) + ": " + PhaseText.describe(line)).toList());
    }

    private static String patch(PatchRelease patch) {
        List<String> details = new ArrayList<>();
        if (patch.released() != null) {
            details.add(patch.released().toString());
        }
        if (patch.security() != null) {
            details.add(patch.security() ? "security release" : "not a security release");
        }
        return patch.version() + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }
}
