package dev.portcullis.server.api;

import dev.portcullis.server.storage.ApiKeyStore;
import dev.portcullis.server.storage.ApiKeyStore.ApiKey;
import dev.portcullis.server.storage.ApiKeyStore.Scope;
import dev.portcullis.server.storage.SessionStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the API key of a request, from {@code Authorization: Bearer KEY}, {@code X-Api-Key: KEY} or the
 * dashboard's session cookie, and checks its scope. Error messages never repeat the presented key.
 */
public final class Authenticator {

    public static final String SESSION_COOKIE = "portcullis_session";

    private final ApiKeyStore keys;
    private final SessionStore sessions;

    public Authenticator(ApiKeyStore keys, SessionStore sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    /** Returns the request's key when it has the scope, or ends the request with 401 or 403. */
    public ApiKey require(Context ctx, Scope needed) {
        ApiKey key = find(ctx).orElseThrow(() -> new ApiException(401,
                "Missing or unknown API key: send it as \"Authorization: Bearer KEY\"."));
        if (key.expiresAt() != null && key.expiresAt().isBefore(Instant.now())) {
            throw new ApiException(401, "The API key \"" + key.name() + "\" expired at " + key.expiresAt()
                    + ": ask an admin for a new key.");
        }
        if (!key.scope().allows(needed)) {
            throw new ApiException(403, "The API key \"" + key.name() + "\" has scope "
                    + key.scope().name().toLowerCase(java.util.Locale.ROOT) + ", and this request needs "
                    + needed.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return key;
    }

    /** Returns the key of the request, if any, without checking expiry or scope. */
    public Optional<ApiKey> find(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return keys.verify(header.substring(7).strip());
        }
        String apiKey = ctx.header("X-Api-Key");
        if (apiKey != null) {
            return keys.verify(apiKey.strip());
        }
        return sessions.keyOf(ctx.cookie(SESSION_COOKIE)).flatMap(keys::byId);
    }
}
