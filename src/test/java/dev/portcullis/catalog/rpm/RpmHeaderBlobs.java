package dev.portcullis.catalog.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper that encodes rpm header blobs as the rpm database stores them: index count, data length,
 * 16-byte index entries, then the data store. Values are String (STRING), String[] (STRING_ARRAY) or
 * int[] (INT32, aligned to 4 bytes).
 */
final class RpmHeaderBlobs {

    private RpmHeaderBlobs() {}

    static byte[] encode(Map<Integer, Object> tags) {
        Map<Integer, Object> sorted = new TreeMap<>(tags);
        ByteArrayOutputStream store = new ByteArrayOutputStream();
        ByteBuffer index = ByteBuffer.allocate(16 * sorted.size());
        for (Map.Entry<Integer, Object> tag : sorted.entrySet()) {
            int type;
            int count;
            switch (tag.getValue()) {
                case String value -> {
                    type = RpmHeader.TYPE_STRING;
                    count = 1;
                    index.putInt(tag.getKey()).putInt(type).putInt(store.size()).putInt(count);
                    writeString(store, value);
                }
                case String[] values -> {
                    type = RpmHeader.TYPE_STRING_ARRAY;
                    count = values.length;
                    index.putInt(tag.getKey()).putInt(type).putInt(store.size()).putInt(count);
                    for (String value : values) {
                        writeString(store, value);
                    }
                }
                case int[] values -> {
                    while (store.size() % 4 != 0) {
                        store.write(0);
                    }
                    index.putInt(tag.getKey()).putInt(RpmHeader.TYPE_INT32).putInt(store.size()).putInt(values.length);
                    for (int value : values) {
                        store.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
                    }
                }
                default -> throw new IllegalArgumentException("unsupported value " + tag.getValue());
            }
        }
        byte[] data = store.toByteArray();
        return ByteBuffer.allocate(8 + index.capacity() + data.length)
                .putInt(sorted.size()).putInt(data.length).put(index.array()).put(data).array();
    }

    private static void writeString(ByteArrayOutputStream store, String value) {
        store.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        store.write(0);
    }
}
