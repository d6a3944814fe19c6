package dev.portcullis.image;

import java.util.List;

/** An image read into its merged tree; closing it deletes the private temporary folder. */
record LoadedImage(ImageMetadata metadata, FileResolver files, List<Skipped> skipped, TempFolder tempFolder)
        implements OpenedImage {

    @Override
    public void close() {
        tempFolder.delete();
    }
}
