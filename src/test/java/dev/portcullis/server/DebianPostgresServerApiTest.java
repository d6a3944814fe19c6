package dev.portcullis.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * The API contract on a PostgreSQL server installed from Debian packages. Set PORTCULLIS_TEST_PG_URL
 * (for example jdbc:postgresql://127.0.0.1:5433/portcullis), PORTCULLIS_TEST_PG_USER and
 * PORTCULLIS_TEST_PG_PASSWORD; the test empties the database's public schema first.
 */
class DebianPostgresServerApiTest extends ServerApiContract {

    @Override
    PortcullisServer startServer() throws Exception {
        String url = System.getenv("PORTCULLIS_TEST_PG_URL");
        assumeTrue(url != null && !url.isBlank(),
                "PORTCULLIS_TEST_PG_URL is unset: no external PostgreSQL to test against");
        String user = System.getenv("PORTCULLIS_TEST_PG_USER");
        String password = System.getenv("PORTCULLIS_TEST_PG_PASSWORD");
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
        Path dataDir = Files.createTempDirectory("portcullis-server-pg-test");
        return ServerHarness.start(ServerHarness.config(dataDir, url, user, password, "debian-pg-test"));
    }
}
