package dev.portcullis.image.tree;

import dev.portcullis.image.FileVersion;
import java.io.IOException;
import java.io.InputStream;

/** One layer's copy of a requested file with its kept content. */
record KeptVersion(int layerIndex, StoredContent content) implements FileVersion {

    @Override
    public InputStream open() throws IOException {
        return content.open();
    }
}
