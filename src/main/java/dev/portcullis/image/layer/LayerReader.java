package dev.portcullis.image.layer;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.tree.ContentStore;
import dev.portcullis.image.tree.EntryHeader;
import dev.portcullis.image.tree.EntrySink;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one layer blob once: detects its compression, walks the tar entries into an
 * {@link EntrySink} (a {@link TreeBuilder}, or a recording for layers read in parallel), and verifies
 * the stored digest and the diff id while the bytes go by. Content of entries that were not requested
 * is read through a scratch buffer and hashed, never kept. A reader is safe for concurrent use when
 * its content store is, and each call needs its own sink.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/layer.md">OCI image layer
 *     specification</a>
 */
public final class LayerReader {

    private static final Logger LOG = LoggerFactory.getLogger(LayerReader.class);
    private static final String DIFF_ID_ALGORITHM = "sha256";
    // Reads of this size keep the per-call cost of the stream chain and of the inflater small.
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ContentStore contentStore;
    private final ReadProgress progress;

    public LayerReader(ContentStore contentStore, ReadProgress progress) {
        this.contentStore = contentStore;
        this.progress = progress;
    }

    /**
     * Reads the blob to its end into the sink, which for a tree builder is its current layer. The
     * caller opens and closes the stream.
     *
     * @throws ImageException when the blob is truncated or corrupt, or a digest does not match
     */
    public LayerDigests read(InputStream blob, LayerCheck check, EntrySink sink) throws ImageException {
        String algorithm = algorithmOf(check.expectedDigest());
        ProgressInputStream counted = new ProgressInputStream(blob, progress);
        HashingInputStream stored = new HashingInputStream(counted, algorithm);
        HashingInputStream uncompressed = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(stored, BUFFER_SIZE);
            Compression compression = Compression.detect(buffered);
            LOG.debug("{}: {} compression", check.location(), compression);
            InputStream tar = buffered;
            // An uncompressed sha256 blob is its own tar, so one hash gives both the digest and the diff id.
            if (compression != Compression.NONE || !algorithm.equals(DIFF_ID_ALGORITHM)) {
                uncompressed = new HashingInputStream(compression.decompress(buffered), DIFF_ID_ALGORITHM);
                tar = new BufferedInputStream(uncompressed, BUFFER_SIZE);
            }
            readEntries(tar, check, sink);
            if (uncompressed != null) {
                uncompressed.drain();
            }
            // Bytes still in a buffer were hashed when they were read, so the rest comes from below it.
            stored.drain();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ImageException("layer " + check.location() + " is truncated or corrupt (" + describe(e)
                    + "); the image file is damaged, so export or download it again", e);
        }
        counted.report();
        String digest = stored.digest();
        LayerDigests digests = new LayerDigests(digest, uncompressed == null ? digest : uncompressed.digest(),
                stored.count());
        verify(check.location(), "digest", check.expectedDigest(), digests.digest());
        verify(check.location(), "diff id (digest of the uncompressed tar)", check.expectedDiffId(), digests.diffId());
        return digests;
    }

    private void readEntries(InputStream tar, LayerCheck check, EntrySink sink) throws IOException {
        // The tar stream is not closed here: closing would close the blob, which the caller owns.
        TarArchiveInputStream entries = new TarArchiveInputStream(tar);
        byte[] scratch = new byte[BUFFER_SIZE];
        TarArchiveEntry entry;
        while ((entry = entries.getNextEntry()) != null) {
            EntryHeader.Kind kind = kindOf(entry);
            if (kind == null) {
                sink.skip(entry.getName(), "unsupported tar entry type '" + (char) entry.getLinkFlag()
                        + "', so the entry was left out");
                continue;
            }
            EntryHeader header = new EntryHeader(entry.getName(), kind, kind == EntryHeader.Kind.REGULAR ? entry.getSize() : 0,
                    entry.getMode(), (int) entry.getLongUserId(), (int) entry.getLongGroupId(), entry.getLinkName());
            long size = header.size();
            sink.add(header, () -> contentStore.keep(entries, size));
            discardRest(entries, scratch);
        }
        LOG.debug("{}: all entries read", check.location());
    }

    /**
     * Reads what the sink left of the current entry through one scratch buffer, so the hashes below
     * see it. The tar reader would skip it itself, but in 8 KiB reads with a new array for each.
     */
    private static void discardRest(TarArchiveInputStream entries, byte[] scratch) throws IOException {
        while (entries.read(scratch, 0, scratch.length) >= 0) {
            // reading is the point
        }
    }

    private static EntryHeader.Kind kindOf(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return EntryHeader.Kind.DIRECTORY;
        }
        if (entry.isSymbolicLink()) {
            return EntryHeader.Kind.SYMLINK;
        }
        if (entry.isLink()) {
            return EntryHeader.Kind.HARD_LINK;
        }
        if (entry.isCharacterDevice()) {
            return EntryHeader.Kind.CHARACTER_DEVICE;
        }
        if (entry.isBlockDevice()) {
            return EntryHeader.Kind.BLOCK_DEVICE;
        }
        if (entry.isFIFO()) {
            return EntryHeader.Kind.FIFO;
        }
        if (entry.isFile()) {
            return EntryHeader.Kind.REGULAR;
        }
        return null;
    }

    private static String describe(Exception e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        return e instanceof java.io.EOFException ? "unexpected end of data" : e.getClass().getSimpleName();
    }

    private static String algorithmOf(String digest) {
        if (digest == null) {
            return DIFF_ID_ALGORITHM;
        }
        return digest.substring(0, digest.indexOf(':'));
    }

    private static void verify(String location, String what, String expected, String actual) throws ImageException {
        if (expected != null && !expected.equals(actual)) {
            throw new ImageException("layer " + location + " has " + what + " " + actual + " but the image names "
                    + expected + "; the blob is damaged or was replaced, so export or download the image again");
        }
    }
}
