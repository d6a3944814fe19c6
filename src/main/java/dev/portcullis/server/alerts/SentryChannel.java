package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import java.io.IOException;

/**
 * Reports the alert as a Sentry message event to the project of {@code config.dsn}. Sentry's SDK keeps
 * one global client, so the first delivery's DSN is used for every Sentry channel of the process.
 * TODO: one client per DSN, for servers with several Sentry channels.
 *
 * <p>NOTE: the SDK sends in the background and reports no transport failure to the caller, so a Sentry
 * delivery counts as delivered once flushed, even when Sentry did not accept the event.
 */
public final class SentryChannel implements AlertChannel {

    @Override
    public synchronized void send(JsonNode config, JsonNode alert) throws IOException {
        String dsn = config.path("dsn").asText(null);
        if (dsn == null || dsn.isBlank()) {
            throw new IOException("The Sentry channel has no DSN: set config.dsn");
        }
        if (!Sentry.isEnabled()) {
            // The SDK would otherwise report the server's own uncaught exceptions and hold shutdown.
            Sentry.init(options -> {
                options.setDsn(dsn);
                options.setEnableUncaughtExceptionHandler(false);
                options.setEnableShutdownHook(false);
                options.setSendClientReports(false);
            });
        }
        Sentry.withScope(scope -> {
            scope.setTag("portcullis.image", alert.path("image").asText());
            scope.setTag("portcullis.project", alert.path("project").asText());
            scope.setTag("portcullis.rule", alert.path("rule").asText());
            scope.setExtra("alert", alert.toString());
            Sentry.captureMessage(AlertText.of(alert), SentryLevel.WARNING);
        });
        Sentry.flush(10_000);
    }
}
