package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts a one-line text message to a Slack incoming webhook at {@code config.url}. */
public final class SlackChannel implements AlertChannel {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void send(JsonNode config, JsonNode alert) throws IOException, InterruptedException {
        String body = mapper.createObjectNode().put("text", AlertText.of(alert)).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.path("url").asText()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Slack returned HTTP " + response.statusCode());
        }
    }
}
