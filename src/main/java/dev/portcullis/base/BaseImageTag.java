package dev.portcullis.base;

import java.util.List;

/**
 * The parts of an official image tag: the runtime version, the variants and the distro.
 *
 * <pre>{@code
 * node:20.18.0-bookworm-slim -> family NODE, runtime "20.18.0", variants [slim], distro debian "bookworm"
 * node:20-alpine3.20         -> family NODE, runtime "20", variants [alpine], distro alpine "3.20"
 * debian:bookworm-slim       -> family DEBIAN, no runtime, variants [slim], distro debian "bookworm"
 * }</pre>
 *
 * @param reference the parsed reference
 * @param family the image family, or null for an image Portcullis does not know
 * @param runtimeVersion the runtime version or alias as written ({@code 20.18.0}, {@code 20},
 *     {@code lts}, {@code iron}), or null for distro and unknown images
 * @param variants variant words such as {@code slim}, {@code alpine}, {@code jre}
 * @param distro the distro key ({@code debian}, {@code ubuntu}, {@code alpine}), or null when unknown
 * @param distroRelease the release as written ({@code bookworm}, {@code 12.7}, {@code 3.20}), or null
 *     when the tag does not pin it
 */
public record BaseImageTag(
        ImageReference reference,
        ImageFamily family,
        String runtimeVersion,
        List<String> variants,
        String distro,
        String distroRelease) {

    public BaseImageTag {
        variants = List.copyOf(variants);
    }

    /** Returns a tag of an image Portcullis does not know, which keeps only the reference. */
    public static BaseImageTag unknown(ImageReference reference) {
        return new BaseImageTag(reference, null, null, List.of(), null, null);
    }

    public boolean isKnown() {
        return family != null;
    }
}
