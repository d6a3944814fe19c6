package dev.portcullis.image.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Layer compression, detected from the first bytes of the blob rather than the media type, because
 * docker-save tarballs carry no media type and some registries mislabel layers.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1952">gzip (RFC 1952)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8878">Zstandard (RFC 8878)</a>
 */
public enum Compression {
    GZIP(new byte[] {0x1f, (byte) 0x8b}),
    ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
    NONE(new byte[0]);

    private static final int MAGIC_LENGTH = 4;

    private final byte[] magic;

    Compression(byte[] magic) {
        this.magic = magic;
    }

    /** Detects the compression of a stream that supports mark and reset, leaving it unread. */
    public static Compression detect(BufferedInputStream in) throws IOException {
        in.mark(MAGIC_LENGTH);
        byte[] head = in.readNBytes(MAGIC_LENGTH);
        in.reset();
        for (Compression compression : values()) {
            if (compression.magic.length > 0 && head.length >= compression.magic.length
                    && Arrays.equals(head, 0, compression.magic.length, compression.magic, 0, compression.magic.length)) {
                return compression;
            }
        }
        return NONE;
    }

    /** Wraps the stored stream so that it yields the uncompressed tar. */
    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            // Concatenated members are valid gzip, and pigz-style writers produce them.
            case GZIP -> new GzipCompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case NONE -> in;
        };
    }
}
