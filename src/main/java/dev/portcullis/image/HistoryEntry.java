package dev.portcullis.image;

/**
 * One entry of the image config's history.
 *
 * @param layerIndex the layer this step produced, or -1 for an {@code empty_layer} step
 */
public record HistoryEntry(String created, String createdBy, String comment, boolean emptyLayer, int layerIndex) {}
