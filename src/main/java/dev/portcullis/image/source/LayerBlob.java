package dev.portcullis.image.source;

/**
 * A layer blob inside an image source.
 *
 * @param path path of the blob inside the {@link BlobStore}
 * @param digest digest the manifest gives for the stored blob, or null when the source has none
 * @param size size of the stored blob in bytes
 * @param mediaType media type from the manifest, or null
 */
public record LayerBlob(String path, String digest, long size, String mediaType) {}
