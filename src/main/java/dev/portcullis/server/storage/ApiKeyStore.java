package dev.portcullis.server.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * API keys, stored as SHA-256 hashes. A key reads {@code pc_<id>_<secret>}: the id finds the row, and
 * the secret's hash is compared in constant time. A fast hash suits these keys because each secret is
 * 32 random bytes, which no dictionary covers.
 */
public final class ApiKeyStore {

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a key may do; each scope includes the ones before it. */
    public enum Scope {
        READ, WRITE, ADMIN;

        public boolean allows(Scope needed) {
            return compareTo(needed) >= 0;
        }
    }

    /** A verified key, without its secret. */
    public record ApiKey(long id, String name, String keyId, Scope scope, Instant expiresAt) {}

    /** Creates a key and returns its plain text, which is shown once and never stored. */
    public String create(String name, Scope scope, Instant expiresAt) {
        String keyId = token(6);
        String secret = token(32);
        jdbi.useHandle(handle -> handle.createUpdate("""
                insert into api_key (name, key_id, key_hash, scope, expires_at)
                values (:name, :keyId, :hash, :scope, :expires)
                """).bind("name", name).bind("keyId", keyId).bind("hash", hash(secret))
                .bind("scope", scope.name().toLowerCase(java.util.Locale.ROOT)).bind("expires", expiresAt).execute());
        return "pc_" + keyId + "_" + secret;
    }

    public boolean isEmpty() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) = 0 from api_key")
                .mapTo(Boolean.class).one());
    }

    /** Returns the key when the text is a known, unrevoked key; expiry is the caller's check. */
    public Optional<ApiKey> verify(String text) {
        if (text == null || !text.startsWith("pc_")) {
            return Optional.empty();
        }
        String[] parts = text.split("_", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String keyId = parts[1];
        byte[] presented = hash(parts[2]).getBytes(StandardCharsets.US_ASCII);
        return jdbi.withHandle(handle -> handle.createQuery("""
                select id, name, key_id, key_hash, scope, expires_at from api_key
                where key_id = :keyId and revoked_at is null
                """).bind("keyId", keyId).map((rs, ctx) -> {
                    byte[] stored = rs.getString("key_hash").getBytes(StandardCharsets.US_ASCII);
                    if (!MessageDigest.isEqual(stored, presented)) {
                        return null;
                    }
                    var expires = rs.getTimestamp("expires_at");
                    return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_id"),
                            Scope.valueOf(rs.getString("scope").toUpperCase(java.util.Locale.ROOT)),
                            expires == null ? null : expires.toInstant());
                }).findOne());
    }

    /** Returns an unrevoked key by its row id, for dashboard sessions. */
    public Optional<ApiKey> byId(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select id, name, key_id, scope, expires_at from api_key where id = :id and revoked_at is null
                """).bind("id", id).map((rs, ctx) -> {
                    var expires = rs.getTimestamp("expires_at");
                    return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_id"),
                            Scope.valueOf(rs.getString("scope").toUpperCase(java.util.Locale.ROOT)),
                            expires == null ? null : expires.toInstant());
                }).findOne());
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
