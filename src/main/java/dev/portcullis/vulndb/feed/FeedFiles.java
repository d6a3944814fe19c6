package dev.portcullis.vulndb.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Opens feed files, decompressing gzip transparently, and detects archives by their magic bytes. */
final class FeedFiles {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

    private FeedFiles() {}

    static boolean isZip(Path file) throws IOException {
        return startsWith(file, ZIP_MAGIC);
    }

    static boolean isGzip(Path file) throws IOException {
        return startsWith(file, GZIP_MAGIC);
    }

    /** Opens the file's content, gunzipped when the file is gzip. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return isGzip(file) ? new GZIPInputStream(in) : in;
    }

    private static boolean startsWith(Path file, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return Arrays.equals(head, magic);
        }
    }
}
