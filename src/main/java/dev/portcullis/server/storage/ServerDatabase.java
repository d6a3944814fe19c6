package dev.portcullis.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.portcullis.server.secrets.SecretBox;
import dev.portcullis.server.secrets.SecretException;
import dev.portcullis.server.secrets.SecretKeys;
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
 * try (ServerDatabase db = ServerDatabase.open(null, null, null, dataDir, secretBox)) {
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
     *
     * @param secrets the server key's box, which encrypts channel secrets and must be the same for every
     *     server process on the database
     * @throws SecretException when the database's channel secrets were encrypted under another key
     */
    public static ServerDatabase open(String url, String user, String password, Path dataDir, SecretBox secrets)
            throws IOException, SecretException {
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
        ServerDatabase database = new ServerDatabase(embedded, dataSource);
        try {
            migrate(dataSource, secrets);
            checkKey(database.jdbi, secrets);
        } catch (RuntimeException | SecretException e) {
            database.close();
            throw e;
        }
        return database;
    }

    static void migrate(DataSource dataSource, SecretBox secrets) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/server")
                .javaMigrations(new V3__Encrypt_channel_secrets(secrets))
                .load()
                .migrate();
        LOG.info("Database schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private static void checkKey(Jdbi jdbi, SecretBox secrets) throws SecretException {
        String stored = jdbi.withHandle(handle -> handle.createQuery(
                "select fingerprint from secret_key_check where id = 1").mapTo(String.class).one());
        if (!stored.equals(secrets.fingerprint())) {
            throw new SecretException("The secret key differs from the one that encrypted this database's channel"
                    + " secrets. Start every server on this database with the same --secret-key-file or "
                    + SecretKeys.ENVIRONMENT_VARIABLE + ".");
        }
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
