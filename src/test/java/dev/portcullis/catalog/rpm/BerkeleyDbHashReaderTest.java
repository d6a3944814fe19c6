package dev.portcullis.catalog.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BerkeleyDbHashReaderTest {

    private static final int PAGE_SIZE = 512;

    /** Byte orders a Berkeley DB file can be written in, as the writing host's. */
    enum Endianness {
        LITTLE(ByteOrder.LITTLE_ENDIAN),
        BIG(ByteOrder.BIG_ENDIAN);

        final ByteOrder order;

        Endianness(ByteOrder order) {
            this.order = order;
        }
    }

    @ParameterizedTest(name = "{0} endian")
    @EnumSource(Endianness.class)
    void shouldReadInlineAndOverflowItems(Endianness endianness) {
        byte[] file = database(endianness.order, 3);

        List<BerkeleyDbHashReader.Entry> entries = BerkeleyDbHashReader.read(file);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).key()).containsExactly(0, 0, 0, 0);
        assertThat(entries.get(0).data()).containsExactly(1, 2, 3);
        assertThat(entries.get(1).problem()).isNull();
        assertThat(entries.get(1).data()).hasSize(700);
        assertThat(entries.get(1).data()[0]).isEqualTo((byte) 7);
        assertThat(entries.get(1).data()[699]).isEqualTo((byte) 9);
    }

    @Test
    void shouldReportBrokenOverflowChain() {
        byte[] file = database(ByteOrder.LITTLE_ENDIAN, 9);

        List<BerkeleyDbHashReader.Entry> entries = BerkeleyDbHashReader.read(file);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).data()).isNull();
        assertThat(entries.get(1).problem()).contains("overflow chain from page 2 is broken at page 9");
    }

    @Test
    void shouldRejectEncryptedDatabase() {
        byte[] file = database(ByteOrder.LITTLE_ENDIAN, 3);
        file[24] = 1;

        assertThatIllegalArgumentException().isThrownBy(() -> BerkeleyDbHashReader.read(file))
                .withMessage("the database is encrypted");
    }

    @Test
    void shouldRejectBtreeDatabase() {
        byte[] file = database(ByteOrder.LITTLE_ENDIAN, 3);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0x053162);

        assertThatIllegalArgumentException().isThrownBy(() -> BerkeleyDbHashReader.read(file))
                .withMessageContaining("magic number");
    }

    /**
     * Builds a database of four pages: metadata, one hash page with an inline pair and a pair whose
     * 700-byte data sits on two overflow pages, page 2 and then the page {@code secondOverflowPage}
     * names. Any value other than 3 breaks the chain.
     */
    private static byte[] database(ByteOrder order, int secondOverflowPage) {
        ByteBuffer file = ByteBuffer.allocate(PAGE_SIZE * 4).order(order);
        file.putInt(12, BerkeleyDbHashReader.HASH_MAGIC).putInt(20, PAGE_SIZE).put(25, (byte) 8);

        int hash = PAGE_SIZE;
        file.put(hash + 25, (byte) 13).putShort(hash + 20, (short) 4);
        int offset = PAGE_SIZE;
        offset = item(file, hash, 0, offset, new byte[] {1, 0, 0, 0, 0});
        offset = item(file, hash, 1, offset, new byte[] {1, 1, 2, 3});
        offset = item(file, hash, 2, offset, new byte[] {1, 1, 0, 0, 0});
        byte[] offPage = new byte[12];
        ByteBuffer.wrap(offPage).order(order).put(0, (byte) 3).putInt(4, 2).putInt(8, 700);
        item(file, hash, 3, offset, offPage);

        int first = 2 * PAGE_SIZE;
        file.put(first + 25, (byte) 7).putInt(first + 16, secondOverflowPage).putShort(first + 22, (short) 486);
        Arrays.fill(file.array(), first + 26, first + 26 + 486, (byte) 7);
        int second = 3 * PAGE_SIZE;
        file.put(second + 25, (byte) 7).putInt(second + 16, 0).putShort(second + 22, (short) 214);
        Arrays.fill(file.array(), second + 26, second + 26 + 214, (byte) 7);
        file.put(second + 26 + 213, (byte) 9);
        return file.array();
    }

    private static int item(ByteBuffer file, int page, int index, int end, byte[] bytes) {
        int start = end - bytes.length;
        file.put(page + start, bytes);
        file.putShort(page + 26 + 2 * index, (short) start);
        return start;
    }
}
