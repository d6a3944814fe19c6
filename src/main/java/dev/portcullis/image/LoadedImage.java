package dev.portcullis.image;

import java.util.List;

/**
 * An image read into its merged tree; closing it deletes the private temporary folder.
 *
 * @param layerEntries every layer's entry list when it was asked for, otherwise an empty list
 */
record LoadedImage(ImageMetadata metadata, FileResolver files, List<Skipped> skipped, TempFolder tempFolder,
        List<List<LayerFileEntry>> layerEntries) implements OpenedImage {

    LoadedImage(ImageMetadata metadata, FileResolver files, List<Skipped> skipped, TempFolder tempFolder) {
        this(metadata, files, skipped, tempFolder, List.of());
    }

    @Override
    public List<LayerFileEntry> layerEntries(int layerIndex) {
        return layerIndex >= 0 && layerIndex < layerEntries.size() ? layerEntries.get(layerIndex) : List.of();
    }

    @Override
    public void close() {
        tempFolder.delete();
    }
}
