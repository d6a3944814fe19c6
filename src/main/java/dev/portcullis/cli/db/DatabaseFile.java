package dev.portcullis.cli.db;

import dev.portcullis.cli.UsageException;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.VulnDbException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a path named as the vulnerability database before SQLite opens or writes it, so that a
 * folder, an empty file or a file of another kind (a feed file passed to {@code --db} by mistake)
 * is rejected with a message that names the path and the command that builds a database.
 *
 * <p>Example: {@code DatabaseFile.open(Path.of("vuln.json"))} throws a {@link UsageException} with
 * the message {@code vuln.json is not a vulnerability database (not an SQLite file): pass the file
 * that `portcullis db update` or `portcullis db import PATH` writes; ...}.
 *
 * @see <a href="https://www.sqlite.org/fileformat.html#the_database_header">SQLite database header</a>
 */
public final class DatabaseFile {

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The advice that ends a message about a missing database: the two commands that build one. */
    public static final String BUILD_ADVICE = "run `portcullis db update` to download the feeds, or"
            + " `portcullis db import PATH` to import feed files you have";

    private DatabaseFile() {}

    /**
     * Opens the database read-only.
     *
     * @throws UsageException when the path is missing, a folder, an empty file or not SQLite, or when
     *     the database has another schema version
     */
    public static VulnDatabase open(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a folder, not a vulnerability database file: name the database"
                    + " file, for example " + file.resolve("vuln.db"));
        }
        if (!Files.exists(file)) {
            throw new UsageException("no vulnerability database at " + file + ": " + BUILD_ADVICE);
        }
        if (isEmpty(file)) {
            throw new UsageException(file + " is an empty file, not a vulnerability database: build one there with"
                    + " `portcullis db update --db " + file + "`, or with `portcullis db import --db " + file + " PATH`"
                    + " from feed files");
        }
        if (!hasSqliteHeader(file)) {
            throw new UsageException(file + " is not a vulnerability database (not an SQLite file): pass the file"
                    + " that `portcullis db update` or `portcullis db import PATH` writes; when " + file + " is a feed"
                    + " file, import it with `portcullis db import " + file + "`");
        }
        try {
            return VulnDatabase.open(file);
        } catch (VulnDbException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /**
     * Checks the file that {@code db import} or {@code db update} writes: missing, empty or an SQLite
     * file are fine, and anything else is left alone.
     *
     * @throws UsageException when the path is a folder or a file that is not SQLite
     */
    static void checkTarget(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a folder: name the database file with --db, for example --db "
                    + file.resolve("vuln.db"));
        }
        if (!Files.exists(file) || isEmpty(file)) {
            return;
        }
        if (!hasSqliteHeader(file)) {
            throw new UsageException(file + " is not a vulnerability database (not an SQLite file), so it is left"
                    + " unchanged: name another file with --db, or delete " + file + " first");
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static UsageException unreadable(Path file, IOException e) {
        return new UsageException("cannot read the vulnerability database " + file + " (" + e.getMessage()
                + "): check its permissions", e);
    }
}
