package dev.portcullis.server.storage;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Dashboard login sessions, stored as hashes of their cookie values so every server process can read them. */
public final class SessionStore {

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Opens a session for a verified key and returns the cookie value. */
    public String open(long apiKeyId, Duration lifetime) {
        byte[] value = new byte[32];
        random.nextBytes(value);
        String token = HexFormat.of().formatHex(value);
        jdbi.useHandle(handle -> handle.createUpdate("""
                insert into web_session (id_hash, api_key_id, expires_at) values (:hash, :key, :expires)
                """).bind("hash", ApiKeyStore.hash(token)).bind("key", apiKeyId)
                .bind("expires", Instant.now().plus(lifetime)).execute());
        return token;
    }

    /** Returns the id of the session's key while the session is unexpired. */
    public Optional<Long> keyOf(String token) {
        if (token == null || token.length() != 64) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.createQuery("""
                select api_key_id from web_session where id_hash = :hash and expires_at > now()
                """).bind("hash", ApiKeyStore.hash(token)).mapTo(Long.class).findOne());
    }

    public void close(String token) {
        if (token != null) {
            jdbi.useHandle(handle -> handle.createUpdate("delete from web_session where id_hash = :hash")
                    .bind("hash", ApiKeyStore.hash(token)).execute());
        }
    }
}
