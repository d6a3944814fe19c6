package dev.portcullis.audit.layers;

import java.util.List;
import java.util.Optional;

/**
 * The files of each layer of an image, including files that a later layer deletes, which the merged file
 * tree hides. The image reader implements it; tests use an in-memory implementation.
 */
public interface LayerFiles {

    /** Returns the number of layers; indexes run from 0 (the base layer). */
    int layerCount();

    /** Returns the entries that layer {@code layerIndex} writes, whiteout markers left out. */
    List<LayerEntry> entries(int layerIndex);

    /**
     * Returns the first {@code maxBytes} bytes of a regular file as layer {@code layerIndex} wrote it, or empty
     * when that layer has no such file.
     */
    Optional<byte[]> content(int layerIndex, String path, int maxBytes);
}
