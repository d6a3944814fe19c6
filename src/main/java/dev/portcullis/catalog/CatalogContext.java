package dev.portcullis.catalog;

import dev.portcullis.image.FileResolver;
import dev.portcullis.image.Layer;
import dev.portcullis.image.Skipped;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a cataloger reads from: the merged file tree, the detected distro, the layer list (to attribute
 * packages), and a sink for parts it had to skip.
 */
public record CatalogContext(FileResolver files, Distro distro, List<Layer> layers, Consumer<Skipped> skipped) {

    /** Returns the layer at the index, or null for -1 or a root filesystem folder. */
    public Layer layer(int index) {
        return index >= 0 && index < layers.size() ? layers.get(index) : null;
    }
}
