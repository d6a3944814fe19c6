package dev.portcullis.image.layer;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.tree.ContentStore;
import dev.portcullis.image.tree.EntryHeader;
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
 * Streams one layer blob once: detects its compression, walks the tar entries into a
 * {@link TreeBuilder}, and verifies the stored digest and the diff id while the bytes go by. Content
 * of entries that were not requested is skipped, never buffered.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/layer.md">OCI image layer
 *     specification</a>
 */
public final class LayerReader {

    private static final Logger LOG = LoggerFactory.getLogger(LayerReader.class);
    private static final String DIFF_ID_ALGORITHM = "sha256";

    private final ContentStore contentStore;
    private final ReadProgress progress;

    public LayerReader(ContentStore contentStore, ReadProgress progress) {
        this.contentStore = contentStore;
        this.progress = progress;
    }

    /**
     * Reads the blob to its end into the builder's current layer; the caller opens and closes the stream.
     *
     * @throws ImageException when the blob is truncated or corrupt, or a digest does not match
     */
    public LayerDigests read(InputStream blob, LayerCheck check, TreeBuilder builder) throws ImageException {
        String algorithm = algorithmOf(check.expectedDigest());
        ProgressInputStream counted = new ProgressInputStream(blob, progress);
        HashingInputStream stored = new HashingInputStream(counted, algorithm);
        HashingInputStream uncompressed;
        try {
            BufferedInputStream buffered = new BufferedInputStream(stored, 64 * 1024);
            Compression compression = Compression.detect(buffered);
            LOG.debug("{}: {} compression", check.location(), compression);
            uncompressed = new HashingInputStream(compression.decompress(buffered), DIFF_ID_ALGORITHM);
            readEntries(uncompressed, check, builder);
            uncompressed.drain();
            stored.drain();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ImageException("layer " + check.location() + " is truncated or corrupt (" + describe(e)
                    + "); the image file is damaged, so export or download it again", e);
        }
        counted.report();
        LayerDigests digests = new LayerDigests(stored.digest(), uncompressed.digest(), stored.count());
        verify(check.location(), "digest", check.expectedDigest(), digests.digest());
        verify(check.location(), "diff id (digest of the uncompressed tar)", check.expectedDiffId(), digests.diffId());
        return digests;
    }

    private void readEntries(InputStream tar, LayerCheck check, TreeBuilder builder) throws IOException {
        // The tar stream is not closed here: closing would close the blob, which the caller owns.
        TarArchiveInputStream entries = new TarArchiveInputStream(tar);
        TarArchiveEntry entry;
        while ((entry = entries.getNextEntry()) != null) {
            EntryHeader.Kind kind = kindOf(entry);
            if (kind == null) {
                builder.skip(entry.getName(), "unsupported tar entry type '" + (char) entry.getLinkFlag()
                        + "', so the entry was left out");
                continue;
            }
            EntryHeader header = new EntryHeader(entry.getName(), kind, kind == EntryHeader.Kind.REGULAR ? entry.getSize() : 0,
                    entry.getMode(), (int) entry.getLongUserId(), (int) entry.getLongGroupId(), entry.getLinkName());
            long size = header.size();
            builder.add(header, () -> contentStore.keep(entries, size));
        }
        LOG.debug("{}: all entries read", check.location());
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
