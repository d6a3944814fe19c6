package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;

/** One way to deliver an alert. A delivery that fails throws, and the job scheduler retries it. */
public interface AlertChannel {

    /**
     * Sends one alert.
     *
     * @param config the channel's stored settings, for example its URL and signing secret
     * @param alert the alert as JSON: rule, action, image, project, tags and the findings that fired it
     */
    void send(JsonNode config, JsonNode alert) throws Exception;
}
