package dev.portcullis.base;

import java.util.ArrayList;
import java.util.List;

/**
 * The judgement of one base image: a FROM of a Dockerfile, or the base an image was built on.
 *
 * @param origin where the reference comes from, for example {@code Dockerfile:3 (stage build)}
 * @param reference the reference as written after ARG expansion, or null when only the image's
 *     content names its base
 * @param tag the reference read as a tag of a known image family, or null when the reference is invalid
 * @param runtime the runtime judgement, or null for distro images and unknown images
 * @param distro the distro judgement, or null when the distro is unknown
 * @param notes what could not be judged and why
 * @param upstream what the registry shows now, or null when the registry was not asked
 * @param comparison the vulnerability difference of moving to another image, or null when none was compared
 */
public record BaseImageAssessment(
        String origin,
        String reference,
        BaseImageTag tag,
        RuntimeAssessment runtime,
        DistroAssessment distro,
        List<String> notes,
        UpstreamStatus upstream,
        VulnerabilityDelta comparison) {

    public BaseImageAssessment {
        notes = List.copyOf(notes);
    }

    /** Creates a judgement from lifecycle data only, before any registry query or comparison. */
    public BaseImageAssessment(String origin, String reference, BaseImageTag tag, RuntimeAssessment runtime,
            DistroAssessment distro, List<String> notes) {
        this(origin, reference, tag, runtime, distro, notes, null, null);
    }

    /** Returns a copy with the registry's view and its notes appended. */
    public BaseImageAssessment withUpstream(UpstreamStatus status, List<String> moreNotes) {
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(moreNotes);
        return new BaseImageAssessment(origin, reference, tag, runtime, distro, allNotes, status, comparison);
    }

    /** Returns a copy with the vulnerability difference of moving to another image. */
    public BaseImageAssessment withComparison(VulnerabilityDelta delta) {
        return new BaseImageAssessment(origin, reference, tag, runtime, distro, notes, upstream, delta);
    }

    /** Returns whether the runtime or distro release is past end of life (or has paid support only). */
    public boolean isEndOfLife() {
        return runtime != null && runtime.line() != null && runtime.line().phase().isEndOfLife()
                || distro != null && distro.release() != null && distro.release().phase().isEndOfLife();
    }

    /**
     * Returns whether the image is at end of life, a newer patch of its pinned runtime exists, or its
     * tag was rebuilt upstream since the pinned digest.
     */
    public boolean isOutdated() {
        return isEndOfLife() || runtime != null && runtime.outdated() || upstream != null && upstream.rebuilt();
    }
}
