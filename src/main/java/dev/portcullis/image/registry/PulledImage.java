package dev.portcullis.image.registry;

import java.nio.file.Path;

/**
 * An image pulled into a local OCI image layout.
 *
 * @param layout folder with {@code oci-layout}, {@code index.json} and {@code blobs/sha256}
 * @param tag the {@code org.opencontainers.image.ref.name} of the image in the layout: the reference's
 *     tag, or the digest's hex when the reference had only a digest
 * @param manifestDigest digest of the platform's image manifest
 * @param platform the platform picked from an image index, or null when the reference named a single
 *     manifest
 * @param blobsDownloaded config and layer blobs fetched from the registry in this pull. Manifests are
 *     not counted, because every pull fetches the tag's manifest to resolve it
 * @param bytesDownloaded bytes of those blobs
 * @param blobsReused config and layer blobs found in the cache and not fetched again
 */
public record PulledImage(
        Path layout,
        String tag,
        String manifestDigest,
        Platform platform,
        int blobsDownloaded,
        long bytesDownloaded,
        int blobsReused) {}
