package dev.portcullis.image.tree;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.Channels;

/** The kept bytes of one requested file: in memory, spilled to the private temporary folder, or on the host. */
public sealed interface StoredContent {

    long size();

    InputStream open() throws IOException;

    /** Content small enough to keep on the heap. */
    record InMemory(byte[] bytes) implements StoredContent {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** Content larger than the in-memory limit, copied into the private temporary folder. */
    record Spilled(Path file, long size) implements StoredContent {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    /**
     * A regular file of a root filesystem folder, found by a walk that followed no links. Opening it
     * refuses a symbolic link, so a link swapped in after the walk is not followed to a host file.
     */
    record HostFile(Path file, long size) implements StoredContent {
        @Override
        public InputStream open() throws IOException {
            return Channels.newInputStream(
                    Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        }
    }
}
