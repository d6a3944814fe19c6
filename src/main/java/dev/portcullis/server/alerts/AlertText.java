package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.report.Plural;

/** The one-line text of an alert, for Slack, email subjects and Sentry. */
final class AlertText {

    private AlertText() {}

    static String of(JsonNode alert) {
        return alert.path("action").asText() + ": " + alert.path("project").asText() + "/"
                + alert.path("image").asText() + " (rule \"" + alert.path("rule").asText() + "\", "
                + Plural.of(alert.path("findings").size(), "finding") + ")";
    }
}
