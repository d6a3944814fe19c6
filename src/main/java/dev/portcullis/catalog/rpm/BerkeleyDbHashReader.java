package dev.portcullis.catalog.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the key/data pairs of a Berkeley DB hash database, read-only, by walking its pages. This is the
 * format of rpm's {@code /var/lib/rpm/Packages} before rpm 4.16: each record is an rpm header number
 * (key) and a header blob (data) that usually sits on a chain of overflow pages.
 *
 * <p>Layout: page 0 is the hash metadata page (magic {@code 0x061561}, page size at offset 20). Every
 * page starts with a 26-byte header (page number at 8, next page at 16, entry count at 20, free-area
 * offset at 22, page type at 25). On hash pages an array of 16-bit item offsets follows, with keys and
 * data alternating. An item is either inline ({@code H_KEYDATA}) or a reference to overflow pages
 * ({@code H_OFFPAGE}: page number at 4, total length at 8). The byte order is the writing host's,
 * detected from the magic number.
 *
 * @see <a href="https://docs.huihoo.com/berkeley/db-4.2.52/docs/ref/am_conf/pagesize.html">Berkeley DB page sizes</a>
 */
final class BerkeleyDbHashReader {

    static final int HASH_MAGIC = 0x061561;
    private static final int PAGE_HEADER_SIZE = 26;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;

    /** One record; {@code problem} is set instead of data when the record could not be read. */
    record Entry(byte[] key, byte[] data, String problem) {}

    private final ByteBuffer file;
    private final int pageSize;
    private final int pageCount;

    private BerkeleyDbHashReader(ByteBuffer file, int pageSize) {
        this.file = file;
        this.pageSize = pageSize;
        this.pageCount = file.capacity() / pageSize;
    }

    /**
     * Returns every key/data pair in page order.
     *
     * @throws IllegalArgumentException when the bytes are not an unencrypted Berkeley DB hash database
     */
    static List<Entry> read(byte[] bytes) {
        if (bytes.length < 512) {
            throw new IllegalArgumentException("the file has " + bytes.length
                    + " bytes, fewer than one Berkeley DB page");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(12) != HASH_MAGIC) {
            buffer.order(ByteOrder.BIG_ENDIAN);
            if (buffer.getInt(12) != HASH_MAGIC) {
                throw new IllegalArgumentException("the magic number is not that of a Berkeley DB hash database");
            }
        }
        if ((bytes[25] & 0xff) != P_HASHMETA) {
            throw new IllegalArgumentException("page 0 is not a hash metadata page (type " + (bytes[25] & 0xff) + ")");
        }
        if (bytes[24] != 0) {
            throw new IllegalArgumentException("the database is encrypted");
        }
        int pageSize = buffer.getInt(20);
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("the page size " + pageSize
                    + " is not a power of two from 512 to 65536");
        }
        return new BerkeleyDbHashReader(buffer, pageSize).entries();
    }

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (int page = 1; page < pageCount; page++) {
            int type = file.get(page * pageSize + 25) & 0xff;
            if (type == P_HASH || type == P_HASH_UNSORTED) {
                readHashPage(page, entries);
            }
        }
        return entries;
    }

    private void readHashPage(int page, List<Entry> entries) {
        int base = page * pageSize;
        int count = Short.toUnsignedInt(file.getShort(base + 20));
        if (PAGE_HEADER_SIZE + 2 * count > pageSize) {
            entries.add(new Entry(null, null, "hash page " + page + " lists more items than fit on a page"));
            return;
        }
        for (int i = 0; i + 1 < count; i += 2) {
            try {
                entries.add(new Entry(item(base, i), item(base, i + 1), null));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                entries.add(new Entry(null, null, "hash page " + page + " item " + (i + 1) + ": " + e.getMessage()));
            }
        }
    }

    private byte[] item(int base, int index) {
        int offset = Short.toUnsignedInt(file.getShort(base + PAGE_HEADER_SIZE + 2 * index));
        int end = index == 0 ? pageSize : Short.toUnsignedInt(file.getShort(base + PAGE_HEADER_SIZE + 2 * (index - 1)));
        if (offset >= pageSize || end > pageSize || end <= offset) {
            throw new IllegalArgumentException("the item offset " + offset + " is outside the page");
        }
        int type = file.get(base + offset) & 0xff;
        return switch (type) {
            case H_KEYDATA -> slice(base + offset + 1, end - offset - 1);
            case H_OFFPAGE -> overflow(file.getInt(base + offset + 4), file.getInt(base + offset + 8));
            default -> throw new IllegalArgumentException("the item type " + type + " is not supported");
        };
    }

    private byte[] overflow(int firstPage, int totalLength) {
        if (totalLength < 0 || totalLength > file.capacity()) {
            throw new IllegalArgumentException("the overflow length " + totalLength + " is larger than the file");
        }
        byte[] data = new byte[totalLength];
        int filled = 0;
        int page = firstPage;
        Set<Integer> visited = new HashSet<>();
        while (filled < totalLength) {
            if (page <= 0 || page >= pageCount || !visited.add(page)) {
                throw new IllegalArgumentException("the overflow chain from page " + firstPage
                        + " is broken at page " + page);
            }
            int base = page * pageSize;
            if ((file.get(base + 25) & 0xff) != P_OVERFLOW) {
                throw new IllegalArgumentException("page " + page + " in an overflow chain is not an overflow page");
            }
            int length = Math.min(Short.toUnsignedInt(file.getShort(base + 22)), totalLength - filled);
            if (PAGE_HEADER_SIZE + length > pageSize) {
                throw new IllegalArgumentException("overflow page " + page + " claims more bytes than fit on it");
            }
            file.get(base + PAGE_HEADER_SIZE, data, filled, length);
            filled += length;
            page = file.getInt(base + 16);
        }
        return data;
    }

    private byte[] slice(int start, int length) {
        byte[] bytes = new byte[length];
        file.get(start, bytes);
        return bytes;
    }
}
