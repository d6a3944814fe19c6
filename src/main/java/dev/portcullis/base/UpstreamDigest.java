package dev.portcullis.base;

import java.util.List;

/**
 * The digest a tag points at in its registry now.
 *
 * @param digest the digest of the tag's manifest or image index
 * @param manifestDigests for an image index, the digests of its platform manifests; otherwise empty
 */
public record UpstreamDigest(String digest, List<String> manifestDigests) {

    public UpstreamDigest {
        manifestDigests = List.copyOf(manifestDigests);
    }

    /**
     * Returns whether a pinned digest still belongs to the tag: it is the tag's document, or one of
     * the platform manifests of the tag's index, which an image's base digest label may name instead.
     */
    public boolean contains(String pinnedDigest) {
        return digest.equals(pinnedDigest) || manifestDigests.contains(pinnedDigest);
    }
}
