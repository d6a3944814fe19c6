package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import java.io.IOException;

/**
 * Reports the alert as a Sentry message event to the project of {@code config.dsn}. Sentry's SDK keeps
 * one global client, so the first delivery's DSN is used for every Sentry channel of the process.
 * TODO: one client per DSN, for servers with several Sentry channels.
 */
public final class SentryChannel implements AlertChannel {

    @Override
    public synchronized void send(JsonNode config, JsonNode alert) throws IOException {
        String dsn = config.path("dsn").asText(null);
        if (dsn == null || dsn.isBlank()) {
            throw new IOException("The Sentry channel has no DSN: set config.dsn");
        }
        if (!Sentry.isEnabled()) {
            Sentry.init(options -> options.setDsn(dsn));
        }
        Sentry.withScope(scope -> {
            scope.setTag("portcullis.image", alert.path("image").asText());
            scope.setExtra("alert", alert.toString());
            Sentry.captureMessage(AlertText.of(alert), SentryLevel.WARNING);
        });
        Sentry.flush(10_000);
    }
}
