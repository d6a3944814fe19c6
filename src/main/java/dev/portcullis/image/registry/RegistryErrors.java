package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.time.Duration;

/**
 * Messages for registry failures. Each names the registry and the reference and states what to do
 * next, because the command line prints them unchanged.
 */
final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private RegistryErrors() {}

    static ImageException refused(String endpoint, ImageReference ref, IOException cause) {
        return new ImageException("Cannot connect to registry " + endpoint + " for " + ref
                + ": connection refused. Check that the registry is running and that the host and port are right", cause);
    }

    static ImageException tls(String endpoint, ImageReference ref, IOException cause) {
        return new ImageException("TLS handshake with registry " + endpoint + " failed for " + ref + ": "
                + cause.getMessage() + ". If the registry's certificate comes from a private CA, pass the CA"
                + " certificate with --registry-ca FILE; if the registry serves plain HTTP, allow it with"
                + " --insecure-registry " + endpoint, cause);
    }

    static ImageException timeout(String endpoint, ImageReference ref, Duration limit, IOException cause) {
        return new ImageException("Registry " + endpoint + " did not respond within " + limit.toSeconds() + " s for "
                + ref + ". Check the network and the registry, then try again", cause);
    }

    static ImageException dropped(String endpoint, ImageReference ref, int attempts, IOException cause) {
        return new ImageException("The connection to registry " + endpoint + " failed " + attempts + " times for "
                + ref + " (last error: " + cause + "). Check the network and try again", cause);
    }

    static ImageException unauthorized(String endpoint, ImageReference ref, RegistryCredentials credentials,
            String configHint) {
        if (credentials == null) {
            return new ImageException("Registry " + endpoint + " requires authentication for " + ref
                    + " (HTTP 401). Log in with docker login " + endpoint + " so that the credentials are in "
                    + configHint);
        }
        String subject = credentials.identityToken() ? "the identity token" : "user " + credentials.username();
        return new ImageException("Registry " + endpoint + " rejected the credentials of " + subject + " for " + ref
                + " (HTTP 401). Check the user and password, for example with docker login " + endpoint);
    }

    static ImageException forStatus(String endpoint, ImageReference ref, String what, int status, String detail,
            int attempts) {
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        String inParentheses = detail.isEmpty() ? "" : ", " + detail;
        return switch (status) {
            case 403 -> new ImageException("Registry " + endpoint + " denied access to " + ref
                    + " (HTTP 403" + inParentheses + "). Ask for pull permission on " + ref.repository());
            case 404 -> what.startsWith("tag list")
                    ? new ImageException("Repository " + ref.repository() + " not found on registry " + endpoint
                            + " (HTTP 404" + inParentheses + "). Check the name")
                    : what.startsWith("manifest")
                    ? new ImageException("Image " + ref + " not found on registry " + endpoint
                            + ": the repository or tag does not exist (HTTP 404" + inParentheses + "). Check the name and tag")
                    : new ImageException("Registry " + endpoint + " has no " + what + " of " + ref
                            + " (HTTP 404" + inParentheses + "). The image is incomplete on the registry: push it again");
            case 429 -> new ImageException("Registry " + endpoint + " limited the request rate for " + ref
                    + " (HTTP 429) on all " + attempts + " attempts. Wait, or log in for a higher limit, then try again");
            default -> status >= 500
                    ? new ImageException("Registry " + endpoint + " failed with HTTP " + status + " for " + what
                            + " of " + ref + " on all " + attempts + " attempts" + suffix + ". Try again later")
                    : new ImageException("Registry " + endpoint + " returned HTTP " + status + " for " + what
                            + " of " + ref + suffix);
        };
    }

    /**
     * Returns the first error of a registry error body, {@code CODE: message}, or the start of any other
     * body.
     *
     * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">error codes</a>
     */
    static String detail(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try {
            JsonNode first = JSON.readTree(body).path("errors").path(0);
            if (first.has("code")) {
                return shorten(first.path("code").asText() + ": " + first.path("message").asText());
            }
        } catch (IOException e) {
            // Not JSON: fall through to the raw text.
        }
        return shorten(new String(body, java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
