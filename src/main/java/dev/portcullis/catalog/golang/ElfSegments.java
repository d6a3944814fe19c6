package dev.portcullis.catalog.golang;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The loadable segments of an ELF file, read from its header and program header table, to turn a
 * virtual address into a file offset.
 *
 * @see <a href="https://refspecs.linuxfoundation.org/elf/gabi4+/ch5.pheader.html">ELF program header</a>
 */
record ElfSegments(List<Segment> segments) {

    private static final int PT_LOAD = 1;

    /** One {@code PT_LOAD} segment: {@code fileSize} bytes at {@code offset} are mapped at {@code address}. */
    record Segment(long address, long offset, long fileSize) {}

    /**
     * Parses the segments from the first bytes of the file, or returns null when they are not an ELF
     * header or the program header table lies beyond them.
     */
    static ElfSegments parse(byte[] head, int length) {
        if (length < 52 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return null;
        }
        boolean is64 = head[4] == 2;
        ByteOrder order = head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer buffer = ByteBuffer.wrap(head, 0, length).order(order);
        long tableOffset = is64 ? buffer.getLong(32) : unsigned(buffer.getInt(28));
        int entrySize = Short.toUnsignedInt(buffer.getShort(is64 ? 54 : 42));
        int entryCount = Short.toUnsignedInt(buffer.getShort(is64 ? 56 : 44));
        if (tableOffset <= 0 || tableOffset + (long) entrySize * entryCount > length) {
            return null;
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < entryCount; i++) {
            int at = (int) tableOffset + i * entrySize;
            if (buffer.getInt(at) != PT_LOAD) {
                continue;
            }
            segments.add(is64
                    ? new Segment(buffer.getLong(at + 16), buffer.getLong(at + 8), buffer.getLong(at + 32))
                    : new Segment(unsigned(buffer.getInt(at + 8)), unsigned(buffer.getInt(at + 4)),
                            unsigned(buffer.getInt(at + 16))));
        }
        return new ElfSegments(List.copyOf(segments));
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }

    /** Returns the file offset of a virtual address, or empty when no loadable segment maps it. */
    OptionalLong fileOffset(long address) {
        for (Segment segment : segments) {
            if (address >= segment.address() && address - segment.address() < segment.fileSize()) {
                return OptionalLong.of(segment.offset() + address - segment.address());
            }
        }
        return OptionalLong.empty();
    }
}
