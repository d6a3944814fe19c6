package dev.portcullis.image.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the content of requested files while a layer streams by. Files up to the in-memory limit stay
 * on the heap, larger ones are copied into the private temporary folder under generated names, so no
 * entry name ever decides where a file is written. Layers read in parallel share one store, so it is
 * safe for concurrent use.
 */
public final class ContentStore {

    private final Path tempDirectory;
    private final long maxInMemoryFileSize;
    private final AtomicLong inMemoryBytes = new AtomicLong();
    private final AtomicLong spilledBytes = new AtomicLong();
    private final AtomicInteger spilledFiles = new AtomicInteger();

    public ContentStore(Path tempDirectory, long maxInMemoryFileSize) {
        this.tempDirectory = tempDirectory;
        this.maxInMemoryFileSize = Math.min(maxInMemoryFileSize, Integer.MAX_VALUE - 16);
    }

    /**
     * Reads exactly {@code size} bytes from the stream into memory or a spill file.
     * NOTE: the limit applies per file; many requested files under it can still add up on the heap.
     */
    public StoredContent keep(InputStream in, long size) throws IOException {
        if (size <= maxInMemoryFileSize) {
            byte[] bytes = in.readNBytes((int) size);
            if (bytes.length != size) {
                throw new IOException("entry ended after " + bytes.length + " of " + size + " bytes");
            }
            inMemoryBytes.addAndGet(size);
            return new StoredContent.InMemory(bytes);
        }
        Path file = tempDirectory.resolve("content-" + spilledFiles.incrementAndGet());
        long copied;
        try (var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            copied = in.transferTo(out);
        }
        spilledBytes.addAndGet(copied);
        return new StoredContent.Spilled(file, copied);
    }

    /** Bytes of requested content held on the heap so far. */
    public long inMemoryBytes() {
        return inMemoryBytes.get();
    }

    /** Bytes of requested content written to the temporary folder so far. */
    public long spilledBytes() {
        return spilledBytes.get();
    }
}
