package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts the alert to a Slack incoming webhook at {@code config.url}: {@code text} is the one-line
 * summary, which notifications show, and {@code blocks} lay out the action as a header and the image
 * with its findings as a section.
 *
 * <pre>{@code
 * {"text": "rebuild now: shop/api (rule \"rebuild\", 1 finding)",
 *  "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "rebuild now"}},
 *             {"type": "section", "text": {"type": "mrkdwn",
 *              "text": "*shop/api* (rule rebuild)\n• CVE-2021-23337 in lodash: AFFECTED, HIGH"}}]}
 * }</pre>
 *
 * @see <a href="https://api.slack.com/messaging/webhooks">Slack incoming webhooks</a>
 */
public final class SlackChannel implements AlertChannel {

    // Slack rejects a header longer than 150 characters and a section text longer than 3000.
    private static final int MAX_HEADER = 150;
    private static final int MAX_FINDINGS = 20;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void send(JsonNode config, JsonNode alert) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.path("url").asText()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message(alert).toString()))
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Slack returned HTTP " + response.statusCode());
        }
    }

    /** Builds the webhook's JSON body. */
    ObjectNode message(JsonNode alert) {
        ObjectNode message = mapper.createObjectNode().put("text", AlertText.of(alert));
        ArrayNode blocks = message.putArray("blocks");
        String action = alert.path("action").asText();
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", action.length() > MAX_HEADER ? action.substring(0, MAX_HEADER - 1) + "…" : action);
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", section(alert));
        return message;
    }

    private static String section(JsonNode alert) {
        StringBuilder text = new StringBuilder("*").append(escape(alert.path("project").asText())).append('/')
                .append(escape(alert.path("image").asText())).append("* (rule ")
                .append(escape(alert.path("rule").asText())).append(')');
        JsonNode findings = alert.path("findings");
        for (int i = 0; i < Math.min(findings.size(), MAX_FINDINGS); i++) {
            JsonNode finding = findings.get(i);
            text.append("\n• ").append(escape(finding.path("vulnId").asText())).append(" in ")
                    .append(escape(finding.path("package").asText())).append(": ")
                    .append(finding.path("verdict").asText()).append(", ").append(finding.path("risk").asText());
            if (finding.path("kev").asBoolean()) {
                text.append(", in CISA KEV");
            }
        }
        if (findings.size() > MAX_FINDINGS) {
            text.append("\n… and ").append(findings.size() - MAX_FINDINGS).append(" more");
        }
        return text.toString();
    }

    // Slack's mrkdwn treats &, < and > as control characters.
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
