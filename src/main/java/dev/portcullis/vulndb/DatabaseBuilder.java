package dev.portcullis.vulndb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates a database file so that readers only ever see a complete file: the work goes
 * into a temporary copy beside the target, which replaces the target by an atomic move only after
 * the write transaction committed. When the write fails, the temporary copy is deleted and the
 * target stays as it was.
 *
 * <p>NOTE: two updates of the same file at once do not see each other's writes, and the later
 * move wins.
 *
 * <pre>{@code
 * new DatabaseBuilder(Clock.systemUTC()).update(path, writer -> {
 *     writer.putKev(entry);
 *     writer.recordSource(VulnDatabaseWriter.KEV_SOURCE, released, now);
 *     return null;
 * });
 * }</pre>
 */
public final class DatabaseBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBuilder.class);

    private final Clock clock;

    public DatabaseBuilder(Clock clock) {
        this.clock = clock;
    }

    /** The work done inside the write transaction. */
    @FunctionalInterface
    public interface WriteAction<R> {
        R write(VulnDatabaseWriter writer) throws Exception;
    }

    /**
     * Applies the action to a copy of the target (or to a new, empty database when the target does
     * not exist) and moves the result into place.
     *
     * @throws VulnDbException when the existing target has another schema version, or the write
     *     failed; the target is unchanged in both cases
     */
    public <R> R update(Path target, WriteAction<R> action) throws VulnDbException {
        Path absolute = target.toAbsolutePath();
        Path temporary = createTemporaryCopy(absolute);
        try {
            R result = write(absolute, temporary, action);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("Moved {} into place as {}", temporary, absolute);
            return result;
        } catch (IOException e) {
            throw new VulnDbException(absolute, "failed to move the new database into place at " + absolute + ": "
                    + e.getMessage() + "; the previous file is unchanged", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private <R> R write(Path target, Path temporary, WriteAction<R> action) throws VulnDbException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temporary)) {
            try (var statement = connection.createStatement()) {
                // A failed write discards the whole working copy and nothing is ever rolled back, so the
                // copy needs no rollback journal. A journal in memory would hold every page a refresh changes.
                statement.execute("PRAGMA journal_mode = OFF");
            }
            int version = Schema.version(connection);
            if (version == 0 && isEmpty(connection)) {
                Schema.create(connection);
            } else {
                VulnDatabase.checkVersion(target, connection);
                Schema.createLifecycleTables(connection);
            }
            connection.setAutoCommit(false);
            VulnDatabaseWriter writer = new VulnDatabaseWriter(connection);
            R result = action.write(writer);
            writer.setBuiltAt(clock.instant());
            writer.close();
            connection.commit();
            return result;
        } catch (VulnDbException e) {
            throw e;
        } catch (Exception e) {
            throw new VulnDbException(target, "failed to write the vulnerability database " + target + ": " + e.getMessage()
                    + "; the previous file is unchanged", e);
        }
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rows.next() && rows.getInt(1) == 0;
        }
    }

    private static Path createTemporaryCopy(Path target) throws VulnDbException {
        try {
            Path folder = target.getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, target.getFileName() + ".", ".tmp");
            if (Files.exists(target)) {
                Files.copy(target, temporary, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // SQLite treats a zero-length file as a new, empty database.
                Files.write(temporary, new byte[0]);
            }
            return temporary;
        } catch (IOException e) {
            throw new VulnDbException(target, "failed to create a working copy beside " + target + ": " + e.getMessage()
                    + "; check that the folder is writable", e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + "-journal"));
        } catch (IOException e) {
            LOG.warn("Failed to delete the working copy {}: {}; delete it by hand", temporary, e.getMessage());
        }
    }
}
