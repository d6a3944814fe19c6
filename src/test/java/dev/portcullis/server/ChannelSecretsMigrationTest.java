package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.server.secrets.ChannelSecrets;
import dev.portcullis.server.secrets.SecretBox;
import dev.portcullis.server.secrets.SecretException;
import dev.portcullis.server.storage.ServerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration that encrypts channel secrets: a database at schema version 2 with plain-text channel
 * configs, as earlier servers stored them, is migrated under a key, and a server with another key is
 * stopped at start.
 */
class ChannelSecretsMigrationTest {

    @Test
    void shouldEncryptExistingChannelSecrets(@TempDir Path temp) throws Exception {
        SecretBox box = new SecretBox(filled(3));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/server")
                    .target("2").load().migrate();
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("""
                        insert into channel (name, kind, config) values
                          ('hook', 'webhook', '{"url":"http://127.0.0.1:9/hook","secret":"webhook-secret-789"}'),
                          ('mail', 'email', '{"host":"127.0.0.1","port":25,"user":"alerts","password":"smtp-pw"}')""");
            }

            try (ServerDatabase database = ServerDatabase.open(url, "postgres", null, temp, box)) {
                List<String> stored = database.jdbi().withHandle(h -> h.createQuery(
                        "select config::text from channel order by id").mapTo(String.class).list());

                assertThat(stored.get(0)).doesNotContain("webhook-secret-789").contains("http://127.0.0.1:9/hook");
                assertThat(stored.get(1)).doesNotContain("smtp-pw").contains("\"user\": \"alerts\"");
                ChannelSecrets secrets = new ChannelSecrets(box);
                assertThat(secrets.open("webhook", ServerHarness.MAPPER.readTree(stored.get(0))).path("secret")
                        .asText()).isEqualTo("webhook-secret-789");
                assertThat(secrets.open("email", ServerHarness.MAPPER.readTree(stored.get(1))).path("password")
                        .asText()).isEqualTo("smtp-pw");
            }

            assertThatThrownBy(() -> ServerDatabase.open(url, "postgres", null, temp, new SecretBox(filled(4))))
                    .isInstanceOf(SecretException.class)
                    .hasMessage("The secret key differs from the one that encrypted this database's channel secrets."
                            + " Start every server on this database with the same --secret-key-file or"
                            + " PORTCULLIS_SECRET_KEY.");
        }
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
