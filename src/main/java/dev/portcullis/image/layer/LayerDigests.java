package dev.portcullis.image.layer;

/**
 * Digests computed while a layer was read.
 *
 * @param digest digest of the stored blob
 * @param diffId digest of the uncompressed tar
 * @param size size of the stored blob in bytes
 */
public record LayerDigests(String digest, String diffId, long size) {}
