package dev.portcullis.catalog.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An rpm header as the rpm database stores it: a big-endian index count and data length, then 16-byte
 * index entries (tag, type, offset into the data store, count), then the data store. Strings are
 * NUL-terminated; integers are big-endian.
 *
 * <p>Example: the entry {@code tag=1000 type=6 offset=0 count=1} over a data store starting with
 * {@code "dive\0"} gives the NAME {@code dive}.
 *
 * @see <a href="https://jrpm.sourceforge.net/rpmspec/index.html">rpm header structure</a>
 * @see <a href="https://github.com/rpm-software-management/rpm/blob/master/lib/rpmtag.h">rpm tag numbers</a>
 */
final class RpmHeader {

    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int VENDOR = 1011;
    static final int LICENSE = 1014;
    static final int ARCH = 1022;
    static final int OLDFILENAMES = 1027;
    static final int SOURCERPM = 1044;
    static final int DIRINDEXES = 1116;
    static final int BASENAMES = 1117;
    static final int DIRNAMES = 1118;

    static final int TYPE_INT32 = 4;
    static final int TYPE_STRING = 6;
    static final int TYPE_STRING_ARRAY = 8;
    static final int TYPE_I18NSTRING = 9;

    private static final int ENTRY_SIZE = 16;
    // rpm itself rejects headers with more than 0xffff entries or a data store past 256 MiB.
    private static final int MAX_ENTRIES = 0xffff;
    private static final int MAX_DATA = 256 * 1024 * 1024;

    private record IndexEntry(int type, int offset, int count) {}

    private final ByteBuffer data;
    private final Map<Integer, IndexEntry> entries;

    private RpmHeader(ByteBuffer data, Map<Integer, IndexEntry> entries) {
        this.data = data;
        this.entries = entries;
    }

    /**
     * Parses a header blob.
     *
     * @throws IllegalArgumentException when the blob is shorter than its index and data store claim
     */
    static RpmHeader parse(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.BIG_ENDIAN);
        if (blob.length < 8) {
            throw new IllegalArgumentException("the header blob has " + blob.length + " bytes, fewer than 8");
        }
        int indexCount = buffer.getInt(0);
        int dataLength = buffer.getInt(4);
        if (indexCount < 1 || indexCount > MAX_ENTRIES || dataLength < 0 || dataLength > MAX_DATA) {
            throw new IllegalArgumentException("the header claims " + indexCount + " index entries and "
                    + dataLength + " data bytes, outside rpm's limits");
        }
        int dataStart = 8 + indexCount * ENTRY_SIZE;
        if ((long) dataStart + dataLength > blob.length) {
            throw new IllegalArgumentException("the header claims " + ((long) dataStart + dataLength)
                    + " bytes but the blob has " + blob.length);
        }
        Map<Integer, IndexEntry> entries = new HashMap<>();
        for (int i = 0; i < indexCount; i++) {
            int at = 8 + i * ENTRY_SIZE;
            int offset = buffer.getInt(at + 8);
            if (offset < 0 || offset > dataLength) {
                throw new IllegalArgumentException("index entry " + i + " points outside the data store");
            }
            IndexEntry entry = new IndexEntry(buffer.getInt(at + 4), offset, buffer.getInt(at + 12));
            entries.putIfAbsent(buffer.getInt(at), entry);
        }
        ByteBuffer store = buffer.slice(dataStart, dataLength).order(ByteOrder.BIG_ENDIAN);
        return new RpmHeader(store, entries);
    }

    /** Returns a string tag's value, or the first element of a string array, or null when absent. */
    String string(int tag) {
        List<String> strings = strings(tag);
        return strings.isEmpty() ? null : strings.getFirst();
    }

    /** Returns the strings of a string, string-array or i18n-string tag, empty when absent. */
    List<String> strings(int tag) {
        IndexEntry entry = entries.get(tag);
        if (entry == null || !(entry.type() == TYPE_STRING || entry.type() == TYPE_STRING_ARRAY
                || entry.type() == TYPE_I18NSTRING)) {
            return List.of();
        }
        int count = entry.type() == TYPE_STRING ? 1 : entry.count();
        List<String> strings = new ArrayList<>(Math.min(count, 4096));
        int position = entry.offset();
        for (int i = 0; i < count; i++) {
            int end = position;
            while (end < data.capacity() && data.get(end) != 0) {
                end++;
            }
            if (end >= data.capacity()) {
                throw new IllegalArgumentException("string " + i + " of tag " + tag + " is not NUL-terminated");
            }
            byte[] bytes = new byte[end - position];
            data.get(position, bytes);
            strings.add(new String(bytes, StandardCharsets.UTF_8));
            position = end + 1;
        }
        return strings;
    }

    /** Returns the values of an INT32 tag, empty when absent. */
    int[] int32s(int tag) {
        IndexEntry entry = entries.get(tag);
        if (entry == null || entry.type() != TYPE_INT32) {
            return new int[0];
        }
        if (entry.count() < 0 || (long) entry.offset() + 4L * entry.count() > data.capacity()) {
            throw new IllegalArgumentException("the INT32 values of tag " + tag + " run past the data store");
        }
        int[] values = new int[entry.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.getInt(entry.offset() + 4 * i);
        }
        return values;
    }
}
