package dev.portcullis.catalog.java;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Copies an archive's bytes into a seekable channel, because a zip file is read from its central
 * directory at the end. Small archives stay in memory; larger ones go to a temporary file that is
 * deleted on close. The copy stops with {@link ArchiveTooLargeException} past the size limit or, for
 * streams that report their compressed count, past the compression ratio limit.
 */
final class ArchiveBuffer {

    private static final int CHUNK = 64 * 1024;

    private final ArchiveLimits limits;
    private long copiedBytes;

    ArchiveBuffer(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Copies at most {@code maxBytes} from the stream and opens the copy as a zip file. */
    ZipFile open(InputStream in, long maxBytes, String location) throws IOException {
        SeekableByteChannel channel = copy(in, maxBytes, location);
        try {
            // NOTE: the entry count is not bounded, and commons-compress keeps every central directory entry
            // in memory, so an archive of millions of tiny entries costs memory in proportion.
            return ZipFile.builder().setSeekableByteChannel(channel).get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private SeekableByteChannel copy(InputStream in, long maxBytes, String location) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        Path spill = null;
        OutputStream out = memory;
        try {
            int read;
            while ((read = in.read(chunk)) != -1) {
                total += read;
                copiedBytes += read;
                check(in, total, maxBytes, location);
                if (spill == null && total > limits.inMemoryBytes()) {
                    spill = Files.createTempFile("portcullis-archive-", ".zip");
                    out = Files.newOutputStream(spill);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(chunk, 0, read);
            }
            if (spill == null) {
                return new SeekableInMemoryByteChannel(memory.toByteArray());
            }
            out.close();
            return Files.newByteChannel(spill, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            out.close();
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
            throw e;
        }
    }

    /** Returns the number of bytes every {@link #open} so far copied, including those that failed part way. */
    long copiedBytes() {
        return copiedBytes;
    }

    private void check(InputStream in, long total, long maxBytes, String location) throws ArchiveTooLargeException {
        if (total > maxBytes) {
            throw new ArchiveTooLargeException(
                    "%s inflates past %d bytes; skipped as a possible zip bomb".formatted(location, maxBytes));
        }
        if (total > limits.ratioFloorBytes() && in instanceof InputStreamStatistics stats) {
            long compressed = Math.max(1, stats.getCompressedCount());
            if (stats.getUncompressedCount() / compressed > limits.maxRatio()) {
                throw new ArchiveTooLargeException(
                        "%s inflates more than %d times its compressed size; skipped as a possible zip bomb"
                                .formatted(location, limits.maxRatio()));
            }
        }
    }
}
