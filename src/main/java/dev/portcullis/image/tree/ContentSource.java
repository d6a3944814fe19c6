package dev.portcullis.image.tree;

import java.io.IOException;

/** Supplies the content of an entry, called only when the file request accepts the entry's path. */
@FunctionalInterface
public interface ContentSource {

    StoredContent keep() throws IOException;
}
