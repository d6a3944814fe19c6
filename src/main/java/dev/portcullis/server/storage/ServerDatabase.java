package dev.portcullis.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL database: a connection pool, the Flyway migrations and a JDBI handle.
 * With no JDBC URL it starts an embedded PostgreSQL whose files live in the data folder, so the
 * server comes up with one command.
 *
 * <pre>{@code
 * try (ServerDatabase db = ServerDatabase.open(null, null, null, dataDir)) {
 *     db.jdbi().withHandle(h -> h.select("select 1").mapTo(Integer.class).one());
 * }
 * }</pre>
 */
public final class ServerDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDatabase.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private ServerDatabase(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /**
     * Opens the database at {@code url}, or an embedded one under {@code dataDir/postgres} when the URL
     * is null, and migrates its schema to the latest version.
     */
    public static ServerDatabase open(String url, String user, String password, Path dataDir) throws IOException {
        EmbeddedPostgres embedded = null;
        String jdbcUrl = url;
        String jdbcUser = user;
        if (jdbcUrl == null) {
            Path folder = dataDir.resolve("postgres");
            Files.createDirectories(folder);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .start();
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            jdbcUser = "postgres";
            LOG.info("Started the embedded PostgreSQL on 127.0.0.1:{} with its files in {}", embedded.getPort(), folder);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(jdbcUser);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        config.setPoolName("portcullis-server");
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource);
        return new ServerDatabase(embedded, dataSource);
    }

    static void migrate(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/server")
                .load()
                .migrate();
        LOG.info("Database schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
