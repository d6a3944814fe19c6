package dev.portcullis.base;

import java.util.List;

/**
 * The judgement of a base image's runtime, such as Node.js in {@code node:20.18.0-bookworm-slim}.
 *
 * @param product the lifecycle product, for example {@code nodejs}
 * @param versionAsWritten the version or alias the tag or image states ({@code 20.18.0}, {@code lts})
 * @param pinnedVersion the exact patch version when the tag pins one, or null for a floating tag
 * @param line the line with its phase, or null when the lifecycle data does not know it
 * @param newestPatch the newest release of the line published by the date of the check, or null
 * @param securityReleasesSince security releases of the line after the pinned version, oldest first
 * @param advisoriesFixedSince runtime advisories that affect the pinned version and are fixed in the line
 * @param supportedLines the lines one can move to on the date, oldest first
 * @param outdated whether a newer patch of the pinned line exists
 * @param versionSource where the version was read: {@code tag}, {@code ENV NODE_VERSION} or
 *     {@code binary PATH}
 */
public record RuntimeAssessment(
        String product,
        String versionAsWritten,
        String pinnedVersion,
        LineStatus line,
        PatchRelease newestPatch,
        List<PatchRelease> securityReleasesSince,
        List<FixedAdvisory> advisoriesFixedSince,
        List<LineStatus> supportedLines,
        boolean outdated,
        String versionSource) {

    public RuntimeAssessment {
        securityReleasesSince = List.copyOf(securityReleasesSince);
        advisoriesFixedSince = List.copyOf(advisoriesFixedSince);
        supportedLines = List.copyOf(supportedLines);
    }

    /** Creates a judgement of a version read from a tag. */
    public RuntimeAssessment(String product, String versionAsWritten, String pinnedVersion, LineStatus line,
            PatchRelease newestPatch, List<PatchRelease> securityReleasesSince, List<FixedAdvisory> advisoriesFixedSince,
            List<LineStatus> supportedLines, boolean outdated) {
        this(product, versionAsWritten, pinnedVersion, line, newestPatch, securityReleasesSince, advisoriesFixedSince,
                supportedLines, outdated, "tag");
    }

    /** Returns a copy that names another source of the version. */
    public RuntimeAssessment withVersionSource(String source) {
        return new RuntimeAssessment(product, versionAsWritten, pinnedVersion, line, newestPatch, securityReleasesSince,
                advisoriesFixedSince, supportedLines, outdated, source);
    }
}
