package dev.portcullis.catalog.golang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the build info strings of Go 1.17 and earlier, where the header contains the virtual addresses
 * of two Go string headers ({@code runtime.buildVersion} and {@code runtime.modinfo}), each a data
 * pointer and a length. The file is streamed twice more, because those addresses can lie before the
 * header: once for the string headers and once for the string data.
 */
final class PointerFormatReader {

    /** Opens the executable again from its start. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Module information of real binaries is a few KiB to a few hundred KiB; this bounds a forged length. */
    private static final long MAX_STRING_BYTES = 8 << 20;

    private PointerFormatReader() {}

    static BuildInfoScanner.Result read(BuildInfoScanner.Result.PointerFormat format, Opener opener)
            throws IOException {
        int size = format.pointerSize();
        long versionHeader = offset(format, format.versionAddress());
        long modinfoHeader = offset(format, format.modinfoAddress());
        List<byte[]> headers =
                readAt(opener, List.of(new Range(versionHeader, 2 * size), new Range(modinfoHeader, 2 * size)));
        List<Range> data = new ArrayList<>();
        for (byte[] header : headers) {
            long address = pointer(header, 0, size, format.bigEndian());
            long length = pointer(header, size, size, format.bigEndian());
            if (length < 0 || length > MAX_STRING_BYTES) {
                throw new IOException("Go build info declares a %d-byte string, more than the %d-byte limit"
                        .formatted(length, MAX_STRING_BYTES));
            }
            data.add(new Range(length == 0 ? 0 : offset(format, address), (int) length));
        }
        List<byte[]> strings = readAt(opener, data);
        String version = new String(strings.get(0), StandardCharsets.UTF_8);
        if (version.isEmpty()) {
            return new BuildInfoScanner.Result.NotFound();
        }
        return new BuildInfoScanner.Result.Found(version, BuildInfoScanner.unframe(strings.get(1)));
    }

    static long pointer(byte[] bytes, int at, int size, boolean bigEndian) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return size == 8 ? buffer.getLong(at) : Integer.toUnsignedLong(buffer.getInt(at));
    }

    private static long offset(BuildInfoScanner.Result.PointerFormat format, long address) throws IOException {
        OptionalLong offset = format.segments().fileOffset(address);
        if (offset.isEmpty()) {
            throw new IOException("Go build info points to address 0x%x, which no ELF segment maps".formatted(address));
        }
        return offset.getAsLong();
    }

    private record Range(long offset, int length) {}

    /** Reads each range in one forward pass over a fresh stream, returning them in the order given. */
    private static List<byte[]> readAt(Opener opener, List<Range> ranges) throws IOException {
        byte[][] results = new byte[ranges.size()][];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> ranges.get(i).offset()));
        try (InputStream in = opener.open()) {
            long position = 0;
            byte[] previous = null;
            long previousOffset = -1;
            for (int index : order) {
                Range range = ranges.get(index);
                if (range.offset() == previousOffset && previous != null && previous.length >= range.length()) {
                    results[index] = java.util.Arrays.copyOf(previous, range.length());
                    continue;
                }
                if (range.offset() < position) {
                    throw new IOException("Go build info strings overlap at file offset " + range.offset());
                }
                in.skipNBytes(range.offset() - position);
                byte[] bytes = in.readNBytes(range.length());
                if (bytes.length < range.length()) {
                    throw new IOException("Go build info is truncated: expected %d bytes at file offset %d, found %d"
                            .formatted(range.length(), range.offset(), bytes.length));
                }
                results[index] = bytes;
                position = range.offset() + range.length();
                previous = bytes;
                previousOffset = range.offset();
            }
        }
        return List.of(results);
    }
}
