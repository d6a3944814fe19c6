package dev.portcullis.catalog.rpm;

import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the package headers of one rpm database file, Berkeley DB ({@code Packages}) or SQLite
 * ({@code rpmdb.sqlite}), recognized by the file name. A header that cannot be read is skipped with a
 * reason; a file that is not a database of its kind is skipped as a whole.
 */
final class RpmDatabaseReader {

    /** The packages of one database file and what was skipped. */
    record Result(List<RpmEntry> packages, List<Skipped> skipped) {}

    private RpmDatabaseReader() {}

    static boolean isSqlite(String path) {
        return path.endsWith(".sqlite");
    }

    static Result read(String path, InputStream content) throws IOException {
        List<RpmEntry> packages = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (isSqlite(path)) {
            for (RpmSqliteReader.Row row : RpmSqliteReader.read(content)) {
                addHeader(path, row.headerNumber(), row.blob(), packages, skipped);
            }
            return new Result(packages, skipped);
        }
        List<BerkeleyDbHashReader.Entry> entries;
        try {
            entries = BerkeleyDbHashReader.read(content.readAllBytes());
        } catch (IllegalArgumentException e) {
            return new Result(List.of(), List.of(new Skipped(path, "not a readable Berkeley DB rpm database, so no "
                    + "rpm packages were read from it: " + e.getMessage())));
        }
        for (BerkeleyDbHashReader.Entry entry : entries) {
            if (entry.problem() != null) {
                skipped.add(new Skipped(path, "unreadable Berkeley DB record: " + entry.problem()));
            } else if (!isReservedKey(entry.key())) {
                addHeader(path, headerNumber(entry.key()), entry.data(), packages, skipped);
            }
        }
        return new Result(packages, skipped);
    }

    private static void addHeader(String path, long headerNumber, byte[] blob, List<RpmEntry> packages,
            List<Skipped> skipped) {
        try {
            packages.add(RpmEntry.from(RpmHeader.parse(blob)));
        } catch (IllegalArgumentException e) {
            skipped.add(new Skipped(path + " header " + headerNumber, "malformed rpm header: " + e.getMessage()));
        }
    }

    // Record 0 of the Packages database contains rpm's next free header number, not a header.
    private static boolean isReservedKey(byte[] key) {
        return key.length == 4 && Arrays.equals(key, new byte[4]);
    }

    private static long headerNumber(byte[] key) {
        if (key.length != 4) {
            return -1;
        }
        // Keys are written in host byte order; header numbers are small, so the smaller reading is right.
        long little = Integer.toUnsignedLong(ByteBuffer.wrap(key).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        long big = Integer.toUnsignedLong(ByteBuffer.wrap(key).getInt());
        return Math.min(little, big);
    }
}
