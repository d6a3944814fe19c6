package dev.portcullis.image;

/**
 * One filesystem layer of an image.
 *
 * @param index position in the image, 0 for the base layer
 * @param digest digest of the blob as stored (compressed), for example {@code sha256:...}
 * @param diffId digest of the uncompressed tar from the image config, or null when unknown
 * @param size size of the stored blob in bytes
 * @param mediaType media type from the manifest, or null for docker-save tarballs
 * @param createdBy the history entry's {@code created_by} step that produced this layer, or null
 */
public record Layer(int index, String digest, String diffId, long size, String mediaType, String createdBy) {}
