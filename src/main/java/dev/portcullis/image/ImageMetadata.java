package dev.portcullis.image;

import java.util.List;

/**
 * What identifies a scanned image and how it was built.
 *
 * @param reference the IMAGE argument as given
 * @param kind the source kind that was read
 * @param manifestDigest digest of the image manifest, or null for root filesystem folders and
 *     docker-save tarballs without one
 * @param configDigest digest of the image config blob, or null
 * @param tags tags naming this image in its source, possibly empty
 */
public record ImageMetadata(
        String reference,
        SourceKind kind,
        String manifestDigest,
        String configDigest,
        List<String> tags,
        ImageConfig config,
        List<Layer> layers) {}
