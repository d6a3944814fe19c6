package dev.portcullis.server.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.server.secrets.ChannelSecrets;
import dev.portcullis.server.secrets.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the secrets of channels stored in plain text by earlier versions, and records the key's
 * fingerprint so that a server started with another key stops with an error instead of failing every
 * delivery. A Java migration, because it needs the server key; SQL alone cannot encrypt.
 */
final class V3__Encrypt_channel_secrets extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V3__Encrypt_channel_secrets.class);

    private final SecretBox box;
    private final ObjectMapper mapper = new ObjectMapper();

    V3__Encrypt_channel_secrets(SecretBox box) {
        this.box = box;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table secret_key_check (
                        id           int primary key check (id = 1),
                        fingerprint  text not null
                    )""");
        }
        Map<Long, String> sealed = new LinkedHashMap<>();
        ChannelSecrets secrets = new ChannelSecrets(box);
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id, kind, config::text from channel order by id")) {
            while (rows.next()) {
                JsonNode config = mapper.readTree(rows.getString(3));
                sealed.put(rows.getLong(1), secrets.seal(rows.getString(2), config).toString());
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update channel set config = cast(? as jsonb) where id = ?")) {
            for (Map.Entry<Long, String> row : sealed.entrySet()) {
                update.setString(1, row.getValue());
                update.setLong(2, row.getKey());
                update.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into secret_key_check (id, fingerprint) values (1, ?)")) {
            insert.setString(1, box.fingerprint());
            insert.executeUpdate();
        }
        LOG.info("Encrypted the secrets of {} stored channels", sealed.size());
    }
}
