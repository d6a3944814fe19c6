package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import dev.portcullis.server.secrets.ChannelSecrets;
import dev.portcullis.server.secrets.SecretException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one alert event to one channel and logs each attempt in the {@code delivery} table. Each
 * (event, channel) pair is its own job, so a failing channel never holds up the others.
 */
public final class DeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

    private final Jdbi jdbi;
    private final ChannelSecrets secrets;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, AlertChannel> channels = Map.of(
            "webhook", new WebhookChannel(),
            "slack", new SlackChannel(),
            "email", new EmailChannel(),
            "sentry", new SentryChannel());

    public DeliveryService(Jdbi jdbi, ChannelSecrets secrets) {
        this.jdbi = jdbi;
        this.secrets = secrets;
    }

    /** Sends the event; throws when the channel fails, so the job scheduler retries it. */
    public void deliver(long eventId, long channelId) throws Exception {
        var row = jdbi.withHandle(handle -> handle.createQuery("""
                select e.payload::text as payload, c.kind, c.name, c.config::text as config
                from alert_event e, channel c where e.id = :event and c.id = :channel
                """).bind("event", eventId).bind("channel", channelId).mapToMap().findOne());
        if (row.isEmpty()) {
            LOG.warn("Dropped delivery of alert {} to channel {}: the event or channel no longer exists", eventId,
                    channelId);
            return;
        }
        JsonNode payload = mapper.readTree((String) row.get().get("payload"));
        String kind = (String) row.get().get("kind");
        String name = (String) row.get().get("name");
        JsonNode config;
        try {
            config = secrets.open(kind, mapper.readTree((String) row.get().get("config")));
        } catch (SecretException e) {
            record(eventId, channelId, "failed", e.getMessage());
            LOG.warn("Delivery of alert {} to {} channel \"{}\" failed, to be retried: {}", eventId, kind, name,
                    e.getMessage());
            throw e;
        }
        try {
            channels.get(kind).send(config, payload);
            record(eventId, channelId, "delivered", null);
            LOG.info("Delivered alert {} to {} channel \"{}\"", eventId, kind, name);
        } catch (Exception e) {
            // Channel configs hold secrets, and an error message may quote one (a Slack URL, a DSN).
            String error = ChannelSecrets.scrub(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), kind, config);
            int attempts = record(eventId, channelId, "failed", error);
            LOG.warn("Delivery attempt {} of alert {} to {} channel \"{}\" failed, to be retried: {}", attempts,
                    eventId, kind, name, error);
            throw new DeliveryException(error);
        }
    }

    /** A failed delivery, its message free of channel secrets, for the job scheduler to retry. */
    static final class DeliveryException extends Exception {
        DeliveryException(String message) {
            super(message);
        }
    }

    /** Records the attempt and returns how many attempts the delivery has had. */
    private int record(long eventId, long channelId, String status, String error) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                insert into delivery (event_id, channel_id, attempts, status, last_error)
                values (:event, :channel, 1, :status, :error)
                on conflict (event_id, channel_id) do update
                  set attempts = delivery.attempts + 1, status = excluded.status, last_error = excluded.last_error,
                      updated_at = now()
                returning attempts
                """).bind("event", eventId).bind("channel", channelId).bind("status", status).bind("error", error)
                .mapTo(Integer.class).one());
    }
}
