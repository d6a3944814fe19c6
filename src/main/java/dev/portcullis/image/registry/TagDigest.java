package dev.portcullis.image.registry;

import java.util.List;

/**
 * The document a tag points at now, as a HEAD request on its manifest reports it.
 *
 * @param reference the tag reference requested
 * @param digest the {@code Docker-Content-Digest} of the tag's manifest or image index
 * @param mediaType the media type of that document
 * @param manifestDigests for an image index, the digests of the manifests it lists (one per
 *     platform); empty for a single manifest
 */
public record TagDigest(ImageReference reference, String digest, String mediaType, List<String> manifestDigests) {

    public TagDigest {
        manifestDigests = List.copyOf(manifestDigests);
    }

    /** Returns whether the given manifest digest is the tag's document or one of the platform manifests it lists. */
    public boolean contains(String manifestDigest) {
        return digest.equals(manifestDigest) || manifestDigests.contains(manifestDigest);
    }
}
