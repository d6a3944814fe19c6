package dev.portcullis.server.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The secret fields of each channel kind, and their encryption at rest, masking in API responses and
 * removal from error messages. The secret fields are the webhook's HMAC {@code secret}, the Slack
 * incoming-webhook {@code url} (the URL alone authorizes posting), the SMTP {@code password} and the
 * Sentry {@code dsn} (it contains the project key).
 *
 * <pre>{@code
 * secrets.seal("webhook", {"url":"http://hooks.example/a","secret":"s3cr3t"})
 *     -> {"url":"http://hooks.example/a","secret":"enc:v1:..."}
 * ChannelSecrets.mask("webhook", sealed) -> {"url":"http://hooks.example/a","secret":"********"}
 * }</pre>
 */
public final class ChannelSecrets {

    public static final String MASK = "********";

    private static final Map<String, List<String>> FIELDS = Map.of(
            "webhook", List.of("secret"),
            "slack", List.of("url"),
            "email", List.of("password"),
            "sentry", List.of("dsn"));

    private final SecretBox box;

    public ChannelSecrets(SecretBox box) {
        this.box = box;
    }

    /** Returns the names of the secret fields of a channel kind, for example {@code [secret]} for webhook. */
    public static List<String> fields(String kind) {
        return FIELDS.getOrDefault(kind, List.of());
    }

    /** Returns a copy of the config with every secret field encrypted; sealed values stay as they are. */
    public ObjectNode seal(String kind, JsonNode config) {
        ObjectNode sealed = config.deepCopy();
        for (String field : fields(kind)) {
            JsonNode value = sealed.get(field);
            if (value != null && value.isTextual() && !SecretBox.isSealed(value.asText())) {
                sealed.put(field, box.seal(aad(kind, field), value.asText()));
            }
        }
        return sealed;
    }

    /**
     * Returns a copy of the config with every secret field decrypted, for delivery.
     *
     * @throws SecretException when a field was sealed under another key or was altered
     */
    public ObjectNode open(String kind, JsonNode config) throws SecretException {
        ObjectNode opened = config.deepCopy();
        for (String field : fields(kind)) {
            JsonNode value = opened.get(field);
            if (value != null && value.isTextual() && SecretBox.isSealed(value.asText())) {
                opened.put(field, box.open(aad(kind, field), value.asText()));
            }
        }
        return opened;
    }

    /** Returns a copy of the config with every secret field present replaced by {@value #MASK}. */
    public static ObjectNode mask(String kind, JsonNode config) {
        ObjectNode masked = config.deepCopy();
        for (String field : fields(kind)) {
            if (masked.hasNonNull(field)) {
                masked.put(field, MASK);
            }
        }
        return masked;
    }

    /** Replaces each secret value of the opened config that occurs in the text with {@value #MASK}. */
    public static String scrub(String text, String kind, JsonNode opened) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String field : fields(kind)) {
            String value = opened.path(field).asText("");
            if (!value.isEmpty()) {
                scrubbed = scrubbed.replace(value, MASK);
            }
        }
        return scrubbed;
    }

    private static String aad(String kind, String field) {
        return "channel." + kind + "." + field;
    }
}
