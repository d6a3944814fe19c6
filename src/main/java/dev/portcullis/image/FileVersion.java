package dev.portcullis.image;

import java.io.IOException;
import java.io.InputStream;

/**
 * One layer's copy of a requested file. Catalogers compare versions across layers to attribute each
 * package to the layer that added it.
 */
public interface FileVersion {

    /** Index into the image's layer list of the layer that wrote this copy. */
    int layerIndex();

    /** Opens the bytes of this copy; the caller closes the stream. */
    InputStream open() throws IOException;
}
