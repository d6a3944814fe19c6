package dev.portcullis.catalog.rpm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Reads the header blobs of the SQLite rpm database that rpm 4.16 and later write
 * ({@code rpmdb.sqlite}, table {@code Packages(hnum INTEGER PRIMARY KEY, blob BLOB)}). SQLite needs a
 * file, so the content is copied to a private temporary file that is deleted afterwards.
 */
final class RpmSqliteReader {

    /** One row of the Packages table. */
    record Row(long headerNumber, byte[] blob) {}

    private RpmSqliteReader() {}

    /**
     * Returns every row of the Packages table.
     *
     * @throws IOException when the content is not a SQLite database with that table
     */
    static List<Row> read(InputStream content) throws IOException {
        Path copy = Files.createTempFile("portcullis-rpmdb-", ".sqlite");
        try {
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            List<Row> rows = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy, config.toProperties());
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getBytes(2)));
                }
            } catch (SQLException e) {
                throw new IOException("not a SQLite rpm database with a Packages(hnum, blob) table: "
                        + e.getMessage(), e);
            }
            return rows;
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
