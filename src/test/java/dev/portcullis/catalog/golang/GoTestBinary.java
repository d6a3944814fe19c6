package dev.portcullis.catalog.golang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-built stand-ins for Go executables, because no Go toolchain is available to build real ones.
 * Each is an ELF identification header, filler bytes, and a build info blob laid out as Go 1.18 and
 * later write it. The 32-byte header sits at a 16-byte aligned offset. The toolchain version and the
 * module information follow as uvarint-length strings, the module information framed by 16-byte
 * sentinels.
 */
public final class GoTestBinary {

    static final byte[] ELF_HEAD = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    private GoTestBinary() {}

    /** Builds a binary whose build info header starts at {@code headerOffset}, a multiple of 16. */
    public static byte[] inline(int headerOffset, String goVersion, String modinfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ELF_HEAD);
        // A decoy: the magic as an unaligned string constant, as in binaries that read build info themselves.
        out.writeBytes(new byte[] {0, 0, 0});
        out.writeBytes(MAGIC);
        pad(out, headerOffset);
        out.writeBytes(header(8, 0x2));
        byte[] version = goVersion.getBytes(StandardCharsets.UTF_8);
        uvarint(out, version.length);
        out.writeBytes(version);
        byte[] framed = frame(modinfo.getBytes(StandardCharsets.UTF_8));
        uvarint(out, framed.length);
        out.writeBytes(framed);
        out.writeBytes(new byte[4096]);
        return out.toByteArray();
    }

    /** Builds a binary with a Go 1.17 style header whose strings sit behind pointers. */
    static byte[] pointerFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ELF_HEAD);
        pad(out, 64);
        out.writeBytes(header(8, 0x0));
        out.writeBytes(new byte[256]);
        return out.toByteArray();
    }

    /**
     * Builds a 64-bit little-endian ELF file with one loadable segment mapping the whole file at
     * {@code 0x400000}, carrying Go 1.17 style build info. The version's string header lies before the
     * build info header and the module information's after it, as both occur in real binaries.
     */
    static byte[] pointerFormatElf(String goVersion, String modinfo) {
        long base = 0x400000;
        byte[] version = goVersion.getBytes(StandardCharsets.UTF_8);
        byte[] framed = frame(modinfo.getBytes(StandardCharsets.UTF_8));
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(0x3100 + framed.length + 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.put(ELF_HEAD);
        file.putLong(32, 64).putShort(54, (short) 56).putShort(56, (short) 1);
        file.putInt(64, 1).putLong(64 + 8, 0).putLong(64 + 16, base).putLong(64 + 32, file.capacity());
        file.putLong(0x800, base + 0x3000).putLong(0x808, version.length);
        file.put(0x1000, header(8, 0x0)).putLong(0x1010, base + 0x800).putLong(0x1018, base + 0x2000);
        file.putLong(0x2000, base + 0x3100).putLong(0x2008, framed.length);
        file.put(0x3000, version).put(0x3100, framed);
        return file.array();
    }

    private static byte[] header(int pointerSize, int flags) {
        byte[] header = new byte[32];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[14] = (byte) pointerSize;
        header[15] = (byte) flags;
        return header;
    }

    private static byte[] frame(byte[] modinfo) {
        byte[] framed = new byte[modinfo.length + 32];
        for (int i = 0; i < 16; i++) {
            framed[i] = (byte) (0x30 + i);
            framed[framed.length - 16 + i] = (byte) (0xf0 + i);
        }
        System.arraycopy(modinfo, 0, framed, 16, modinfo.length);
        return framed;
    }

    private static void pad(ByteArrayOutputStream out, int offset) {
        if (offset % 16 != 0 || offset < out.size()) {
            throw new IllegalArgumentException("header offset must be 16-byte aligned and after the filler: " + offset);
        }
        out.writeBytes(new byte[offset - out.size()]);
    }

    private static void uvarint(ByteArrayOutputStream out, long value) {
        while (value >= 0x80) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
