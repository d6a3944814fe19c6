package dev.portcullis.vulndb.feed;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one feed format from a file and hands each record to a sink. */
public interface FeedImporter {

    /**
     * Imports every usable record of the file. A bad record goes to {@link ImportSink#skipped} and
     * the import goes on.
     *
     * @throws IOException when the file as a whole cannot be read or has the wrong shape; the
     *     caller reports the file as skipped
     */
    void importFrom(Path file, ImportSink sink) throws IOException;
}
