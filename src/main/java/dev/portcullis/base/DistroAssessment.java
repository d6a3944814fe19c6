package dev.portcullis.base;

import dev.portcullis.vulndb.SecuritySupportLimit;
import java.util.List;

/**
 * The judgement of a base image's distro release, such as Debian 12 in {@code node:20-bookworm}.
 *
 * @param distro the distro key, for example {@code debian}
 * @param releaseAsWritten the release as the tag or image states it ({@code bookworm}, {@code 12.7}), or
 *     null when the tag does not pin one
 * @param release the release with its phase, or null when unknown
 * @param supportedReleases releases with regular security support on the date, oldest first
 * @param limitedPackages installed source packages with limited or ended security support
 */
public record DistroAssessment(
        String distro,
        String releaseAsWritten,
        LineStatus release,
        List<LineStatus> supportedReleases,
        List<SecuritySupportLimit> limitedPackages) {

    public DistroAssessment {
        supportedReleases = List.copyOf(supportedReleases);
        limitedPackages = List.copyOf(limitedPackages);
    }
}
