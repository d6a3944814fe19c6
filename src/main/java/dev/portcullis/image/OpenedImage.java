package dev.portcullis.image;

import java.util.List;

/**
 * An image whose layers have been read into a merged file tree. Closing it deletes the private
 * temporary folder that held spilled file content.
 */
public interface OpenedImage extends AutoCloseable {

    ImageMetadata metadata();

    FileResolver files();

    /** Layer entries and links that were skipped or clamped, each with the reason. */
    List<Skipped> skipped();

    /**
     * Returns the entries that layer {@code layerIndex} wrote, including those a later layer hides, when
     * the image was opened with {@link ImageOpener#openWithLayerEntries}; empty otherwise and for a root
     * filesystem folder.
     */
    default List<LayerFileEntry> layerEntries(int layerIndex) {
        return List.of();
    }

    @Override
    void close();
}
