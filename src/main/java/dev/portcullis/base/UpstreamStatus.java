package dev.portcullis.base;

import java.util.List;

/**
 * The registry's current view of a base image: newer tags of the same variant, and whether the
 * tag was rebuilt since the pinned digest.
 *
 * @param newerTags tags of the same variants and distro release with a newer runtime patch of the
 *     same line or a newer supported line, one per line, newest first
 * @param pinnedDigest the digest the reference or the image's base digest label pins, or null
 * @param currentDigest the digest the tag points at now, or null when it was not looked up
 * @param rebuilt whether the tag points at other content than the pinned digest
 */
public record UpstreamStatus(List<String> newerTags, String pinnedDigest, String currentDigest, boolean rebuilt) {

    public UpstreamStatus {
        newerTags = List.copyOf(newerTags);
    }
}
