package dev.portcullis.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and secret for one registry. An identity token (Docker's {@code <token>} user) is an
 * OAuth2 refresh token sent to the token endpoint instead of a password.
 */
record RegistryCredentials(String username, String secret, boolean identityToken) {

    static RegistryCredentials basic(String username, String password) {
        return new RegistryCredentials(username, password, false);
    }

    static RegistryCredentials ofIdentityToken(String token) {
        return new RegistryCredentials("<token>", token, true);
    }

    String basicAuthorization() {
        String pair = username + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Names the user but never the secret, so the record is safe in logs and messages. */
    @Override
    public String toString() {
        return identityToken ? "RegistryCredentials[identity token]" : "RegistryCredentials[user=" + username + "]";
    }
}
