package dev.portcullis.base;

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
 */
public record BaseImageAssessment(
        String origin,
        String reference,
        BaseImageTag tag,
        RuntimeAssessment runtime,
        DistroAssessment distro,
        List<String> notes) {

    public BaseImageAssessment {
        notes = List.copyOf(notes);
    }

    /** Returns whether the runtime or distro release is past end of life (or has paid support only). */
    public boolean isEndOfLife() {
        return runtime != null && runtime.line() != null && runtime.line().phase().isEndOfLife()
                || distro != null && distro.release() != null && distro.release().phase().isEndOfLife();
    }

    /** Returns whether the image is at end of life or a newer patch of its pinned runtime exists. */
    public boolean isOutdated() {
        return isEndOfLife() || runtime != null && runtime.outdated();
    }
}
