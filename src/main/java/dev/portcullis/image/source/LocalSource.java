package dev.portcullis.image.source;

import dev.portcullis.image.SourceKind;
import java.nio.file.Path;

/** A local image source once its kind is known: layers to read, or a root filesystem folder to walk. */
public sealed interface LocalSource {

    /** An image made of layers; its blob store stays open until the caller closes it. */
    record Layered(ResolvedImage image) implements LocalSource {}

    /** A folder that contains an unpacked root filesystem. */
    record RootFolder(Path root, SourceKind kind) implements LocalSource {}
}
