package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts the alert as JSON to {@code config.url}, signed with HMAC-SHA256 over the exact body bytes using
 * {@code config.secret}. The signature travels as {@code X-Portcullis-Signature: sha256=<hex>}.
 */
public final class WebhookChannel implements AlertChannel {

    public static final String SIGNATURE_HEADER = "X-Portcullis-Signature";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public void send(JsonNode config, JsonNode alert) throws IOException, InterruptedException {
        byte[] body = alert.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.path("url").asText()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(config.path("secret").asText(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Webhook returned HTTP " + response.statusCode());
        }
    }

    /** Returns the lower-case hex HMAC-SHA256 of the body. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getMessage(), e);
        }
    }
}
