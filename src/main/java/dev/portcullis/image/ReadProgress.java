package dev.portcullis.image;

/** Receives events while layers are read, so that a front end can show progress. Libraries never print. */
public interface ReadProgress {

    ReadProgress NONE = new ReadProgress() {};

    /** Called before layer {@code index} (0-based) of {@code count} is read; size is the stored blob size. */
    default void layerStarted(int index, int count, long size) {}

    /** Called as compressed bytes of the current layer are consumed. */
    default void bytesRead(long total) {}

    default void finished() {}
}
