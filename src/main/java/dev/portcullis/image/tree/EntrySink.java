package dev.portcullis.image.tree;

import java.io.IOException;

/**
 * Receives the entries of one layer in archive order: a {@link TreeBuilder} merges them at once, a
 * {@link RecordedLayer} keeps them so that layers read in parallel can be merged in order later.
 */
public interface EntrySink {

    /** Adds one entry, asking the source for content only when the file request accepts the entry. */
    void add(EntryHeader header, ContentSource content) throws IOException;

    /** Records an entry that was left out, with the reason. */
    void skip(String entryName, String reason);
}
