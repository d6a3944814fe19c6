package dev.portcullis.image.layer;

/**
 * The expected digests of a layer blob.
 *
 * @param location how messages name the blob, for example {@code image.tar entry blobs/sha256/0f3a...}
 * @param expectedDigest digest of the stored blob from the manifest, or null when the source has none
 * @param expectedDiffId digest of the uncompressed tar from the image config, or null when unknown
 */
public record LayerCheck(String location, String expectedDigest, String expectedDiffId) {}
