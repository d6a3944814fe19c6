package dev.portcullis.report.overview;

import dev.portcullis.base.BaseImageAssessment;
import dev.portcullis.base.BaseReport;
import dev.portcullis.base.DistroAssessment;
import dev.portcullis.base.LineStatus;
import dev.portcullis.base.PhaseText;
import dev.portcullis.base.RuntimeAssessment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The base images of the overview, judged against the lifecycle data in the vulnerability database, as
 * {@code portcullis base} judges them.
 *
 * @param report the judgement, or null when it did not run
 * @param productsWithoutData the runtimes and distros the report names but the database has no lifecycle
 *     data for
 * @param notChecked why the judgement did not run, or null when it ran
 */
public record BaseImages(BaseReport report, Set<String> productsWithoutData, String notChecked) {

    /** The command that loads lifecycle data, named wherever the data is missing. */
    static final String LOAD_COMMAND = "portcullis db update";

    private static final String NAME = "base image supported and up to date";

    public BaseImages {
        productsWithoutData = Set.copyOf(productsWithoutData);
    }

    /** Creates the section of a judgement that ran. */
    public static BaseImages of(BaseReport report, Set<String> productsWithoutData) {
        return new BaseImages(report, productsWithoutData, null);
    }

    /** Creates the section of a judgement that did not run, with the reason. */
    public static BaseImages notChecked(String reason) {
        return new BaseImages(null, Set.of(), reason);
    }

    /**
     * Returns the checklist item for the base the final image ships, the last external base in file
     * order. The item fails when that base's runtime line or distro release is past end of life or a
     * newer patch of the pinned runtime exists. It is unknown when something is not judged, and passes
     * otherwise. Bases of build stages appear in the section only.
     */
    Check check() {
        if (report == null) {
            return new Check(NAME, CheckStatus.UNKNOWN, notChecked, null);
        }
        if (report.images().isEmpty()) {
            return new Check(NAME, CheckStatus.UNKNOWN, report.input() + " names no external base image", null);
        }
        // TODO: follow FROM <stage> chains; a final stage built on an earlier stage ships that stage's base.
        List<BaseImageAssessment> shipped = List.of(report.images().getLast());

        Set<String> problems = new LinkedHashSet<>();
        Set<String> fixes = new LinkedHashSet<>();
        for (BaseImageAssessment image : shipped) {
            runtimeProblems(image, problems, fixes);
            distroProblems(image, problems, fixes);
        }
        if (!problems.isEmpty()) {
            return new Check(NAME, CheckStatus.FAILED, String.join(". ", problems), String.join("; ", fixes));
        }
        if (!productsWithoutData.isEmpty()) {
            return new Check(NAME, CheckStatus.UNKNOWN, "the database has no lifecycle data for "
                    + String.join(", ", productsWithoutData.stream().sorted().toList()) + "; run `" + LOAD_COMMAND
                    + "` to load it", null);
        }
        List<String> unjudged = shipped.stream().filter(image -> !isJudged(image)).map(BaseImages::label).toList();
        if (!unjudged.isEmpty()) {
            List<String> judged = shipped.stream().filter(image -> image.runtime() != null || image.distro() != null)
                    .filter(BaseImages::partsKnown).map(BaseImages::summary).distinct().toList();
            return new Check(NAME, CheckStatus.UNKNOWN, "not fully judged: " + String.join(", ", unjudged)
                    + " (see the notes under Base image)" + (judged.isEmpty() ? "" : ". Judged: " + String.join(". ", judged)),
                    null);
        }
        List<String> supported = shipped.stream().map(BaseImages::summary).distinct().toList();
        return new Check(NAME, CheckStatus.PASSED, String.join(". ", supported), null);
    }

    /** Returns one entry per base image, in file order; empty when the judgement did not run. */
    List<BaseImageEntry> entries() {
        return report == null ? List.of() : report.images().stream().map(BaseImageEntry::of).toList();
    }

    /** Returns the sentence that opens the section: the date and data of the judgement, or why there is none. */
    String introduction() {
        if (report == null) {
            return "Not checked: " + notChecked + ".";
        }
        String text = "Judged as of " + report.asOf() + " from the lifecycle data in the database, as `portcullis base "
                + report.input() + "` judges it.";
        if (!productsWithoutData.isEmpty()) {
            text += " The database has no lifecycle data for " + String.join(", ", productsWithoutData.stream().sorted()
                    .toList()) + ", so their support status is not judged; run `" + LOAD_COMMAND + "` to load it.";
        }
        if (report.images().isEmpty()) {
            text += " " + report.input() + " names no external base image (only scratch or earlier stages).";
        }
        return text;
    }

    /** Returns the reference of the base image, or where it was read when the image's content named it. */
    static String label(BaseImageAssessment image) {
        return image.reference() != null ? image.reference() : image.origin();
    }

    /** Returns the line with its codename, such as {@code 20 (iron)}. */
    static String lineName(LineStatus line) {
        return line.line() + (line.codename() == null ? "" : " (" + line.codename() + ")");
    }

    /** Returns the supported lines as {@code nodejs 22, 24}, or null when there are none. */
    static String supportedLines(String product, List<LineStatus> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        return product + " " + String.join(", ", lines.stream().map(LineStatus::line).toList());
    }

    private static void runtimeProblems(BaseImageAssessment image, Set<String> problems, Set<String> fixes) {
        RuntimeAssessment runtime = image.runtime();
        if (runtime == null || runtime.line() == null) {
            return;
        }
        if (runtime.line().phase().isEndOfLife()) {
            problems.add(label(image) + ": " + runtime.product() + " " + lineName(runtime.line()) + ": "
                    + PhaseText.describe(runtime.line()));
            String target = supportedLines(runtime.product(), runtime.supportedLines());
            fixes.add(target == null ? "move to a supported " + runtime.product() + " line" : "move to " + target);
        } else if (runtime.outdated() && runtime.newestPatch() != null) {
            boolean security = Boolean.TRUE.equals(runtime.newestPatch().security());
            problems.add(label(image) + ": " + runtime.product() + " " + runtime.pinnedVersion() + " is behind "
                    + runtime.newestPatch().version() + (security ? ", a security release" : ""));
            fixes.add("move to " + runtime.product() + " " + runtime.newestPatch().version());
        }
    }

    private static void distroProblems(BaseImageAssessment image, Set<String> problems, Set<String> fixes) {
        DistroAssessment distro = image.distro();
        if (distro == null || distro.release() == null || !distro.release().phase().isEndOfLife()) {
            return;
        }
        problems.add(label(image) + ": " + distro.distro() + " " + lineName(distro.release()) + ": "
                + PhaseText.describe(distro.release()));
        String target = supportedLines(distro.distro(), distro.supportedReleases());
        fixes.add(target == null ? "move to a supported " + distro.distro() + " release" : "move to " + target);
    }

    /**
     * Tests whether the image is judged in full: every part it names (runtime, distro) has a known line, and
     * an image of an unknown family has at least its runtime judged, because its tag was not read.
     */
    private static boolean isJudged(BaseImageAssessment image) {
        boolean anything = image.runtime() != null || image.distro() != null;
        boolean tagRead = image.tag() == null || image.tag().isKnown() || image.runtime() != null;
        return anything && partsKnown(image) && tagRead;
    }

    private static boolean partsKnown(BaseImageAssessment image) {
        boolean runtimeKnown = image.runtime() == null || image.runtime().line() != null;
        boolean distroKnown = image.distro() == null || image.distro().release() != null;
        return runtimeKnown && distroKnown;
    }

    private static String summary(BaseImageAssessment image) {
        List<String> parts = new ArrayList<>();
        if (image.runtime() != null) {
            parts.add(image.runtime().product() + " " + lineName(image.runtime().line()) + ": "
                    + PhaseText.describe(image.runtime().line()));
        }
        if (image.distro() != null) {
            parts.add(image.distro().distro() + " " + lineName(image.distro().release()) + ": "
                    + PhaseText.describe(image.distro().release()));
        }
        return label(image) + ": " + String.join(", ", parts);
    }
}
