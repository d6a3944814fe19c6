package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;

/** The one-line text of an alert, for Slack, email subjects and Sentry. */
final class AlertText {

    private AlertText() {}

    static String of(JsonNode alert) {
        return alert.path("action").asText() + ": " + alert.path("project").asText() + "/"
                + alert.path("image").asText() + " (rule \"" + alert.path("rule").asText() + "\", "
                + alert.path("findings").size() + " findings)";
    }
}
