package dev.portcullis.catalog.golang;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the Go build information blob in an executable by streaming through its bytes, without running
 * it and without parsing its sections, so ELF, PE and Mach-O binaries are read alike. The blob lives
 * in the {@code .go.buildinfo} section of an ELF file and starts with a 32-byte header:
 *
 * <pre>
 * offset 0   "\xff Go buildinf:"  (14 bytes of magic)
 * offset 14  pointer size in bytes (4 or 8)
 * offset 15  flags: bit 0 big-endian, bit 1 strings inline (Go 1.18 and later)
 * offset 32  uvarint length, toolchain version, uvarint length, module information
 * </pre>
 *
 * The module information is framed by two 16-byte sentinels, which are removed. Go 1.17 and earlier
 * wrote two pointers at offset 16 in place of the inline strings; those are returned as a
 * {@link Result.PointerFormat} for a second read.
 *
 * @see <a href="https://pkg.go.dev/debug/buildinfo">debug/buildinfo</a>
 */
final class BuildInfoScanner {

    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER_SIZE = 32;
    private static final int FLAG_INLINE_STRINGS = 0x2;
    private static final int CHUNK = 1 << 20;
    /** Module information of real binaries is a few KiB to a few hundred KiB; this bounds a forged length. */
    private static final int MAX_STRING_BYTES = 8 << 20;

    /** The result of a scan: build info found, not present, or present in a form this reader does not read. */
    sealed interface Result {
        record Found(String goVersion, String modinfo) implements Result {}

        record NotFound() implements Result {}

        /**
         * A Go 1.17 or earlier header: the two strings sit behind pointers, which {@link PointerFormatReader}
         * follows through the segments.
         */
        record PointerFormat(int pointerSize, boolean bigEndian, long versionAddress, long modinfoAddress,
                ElfSegments segments) implements Result {}

        record Unsupported(String reason) implements Result {}
    }

    /** Returns true when the first bytes are an ELF, PE or Mach-O header. */
    static boolean isExecutable(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int magic = (head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8 | head[3] & 0xff;
        return magic == 0x7f454c46 || (head[0] == 'M' && head[1] == 'Z')
                || magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe || magic == 0xcffaedfe;
    }

    Result scan(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (!isExecutable(head)) {
            return new Result.NotFound();
        }
        byte[] window = new byte[CHUNK + MAGIC.length];
        System.arraycopy(head, 0, window, 0, head.length);
        int filled = head.length;
        long windowStart = 0;
        ElfSegments segments = null;
        while (true) {
            int read = in.readNBytes(window, filled, window.length - filled);
            filled += read;
            if (windowStart == 0) {
                segments = ElfSegments.parse(window, filled);
            }
            int at = headerIndex(window, filled, windowStart);
            if (at >= 0) {
                return readBlob(Arrays.copyOfRange(window, at, filled), in, segments);
            }
            if (read == 0) {
                return new Result.NotFound();
            }
            // Keep the tail in case the magic straddles two chunks.
            int keep = Math.min(filled, MAGIC.length - 1);
            System.arraycopy(window, filled - keep, window, 0, keep);
            windowStart += filled - keep;
            filled = keep;
        }
    }

    /**
     * Returns the index of the first magic at a 16-byte aligned file offset, or -1. Go aligns the header
     * to 16 bytes; the same bytes also occur unaligned as a string constant in binaries that read build
     * info themselves, such as the {@code go} command.
     */
    private static int headerIndex(byte[] data, int length, long windowStart) {
        outer:
        for (int i = 0; i <= length - MAGIC.length; i++) {
            if ((windowStart + i) % 16 != 0) {
                continue;
            }
            for (int j = 0; j < MAGIC.length; j++) {
                if (data[i + j] != MAGIC[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Result readBlob(byte[] start, InputStream in, ElfSegments segments) throws IOException {
        Blob blob = new Blob(start, in);
        byte[] header = blob.read(HEADER_SIZE);
        if ((header[15] & FLAG_INLINE_STRINGS) == 0) {
            return pointerFormat(header, segments);
        }
        String version = new String(blob.read(blob.uvarint()), StandardCharsets.UTF_8);
        byte[] modinfo = blob.read(blob.uvarint());
        return new Result.Found(version, unframe(modinfo));
    }

    private static Result pointerFormat(byte[] header, ElfSegments segments) {
        int pointerSize = header[14];
        if (segments == null) {
            // TODO: map addresses of PE and Mach-O files too, for Windows and macOS binaries of Go 1.17 and earlier.
            return new Result.Unsupported(
                    "Go build info in the pointer format of Go 1.17 or earlier is read only from ELF files");
        }
        if (pointerSize != 4 && pointerSize != 8) {
            return new Result.Unsupported("Go build info declares an invalid pointer size " + pointerSize);
        }
        boolean bigEndian = header[15] != 0;
        long version = PointerFormatReader.pointer(header, 16, pointerSize, bigEndian);
        long modinfo = PointerFormatReader.pointer(header, 16 + pointerSize, pointerSize, bigEndian);
        return new Result.PointerFormat(pointerSize, bigEndian, version, modinfo, segments);
    }

    /**
     * Removes the 16-byte sentinels around module information. Like Go's own reader, this returns an
     * empty text when the framing is missing.
     */
    static String unframe(byte[] modinfo) {
        if (modinfo.length >= 33 && modinfo[modinfo.length - 17] == '\n') {
            return new String(modinfo, 16, modinfo.length - 32, StandardCharsets.UTF_8);
        }
        return "";
    }

    /** The bytes from the magic onwards: the part already read, then the rest of the stream. */
    private static final class Blob {
        private final byte[] start;
        private final InputStream rest;
        private int position;

        Blob(byte[] start, InputStream rest) {
            this.start = start;
            this.rest = rest;
        }

        byte[] read(long count) throws IOException {
            if (count < 0 || count > MAX_STRING_BYTES) {
                throw new IOException("Go build info declares a %d-byte string, more than the %d-byte limit"
                        .formatted(count, MAX_STRING_BYTES));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) count);
            int fromStart = (int) Math.min(count, start.length - position);
            out.write(start, position, fromStart);
            position += fromStart;
            byte[] more = rest.readNBytes((int) count - fromStart);
            out.write(more);
            if (out.size() < count) {
                throw new IOException(
                        "Go build info is truncated: expected %d bytes, found %d".formatted(count, out.size()));
            }
            return out.toByteArray();
        }

        long uvarint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read(1)[0] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IOException("Go build info has an invalid varint length");
        }
    }
}
