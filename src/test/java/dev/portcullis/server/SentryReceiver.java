package dev.portcullis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An HTTP receiver on 127.0.0.1 for the Sentry SDK's envelope endpoint ({@code POST /api/1/envelope/}).
 * It decompresses gzip bodies, splits each envelope into its items, and keeps the event payloads and
 * the {@code X-Sentry-Auth} header that came with them.
 *
 * @see <a href="https://develop.sentry.dev/sdk/data-model/envelopes/">Sentry envelope format</a>
 */
final class SentryReceiver implements AutoCloseable {

    /** One event item and the authentication header of its request. */
    record Event(String auth, JsonNode payload) {}

    private final HttpServer server;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    SentryReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/1/envelope/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            String auth = exchange.getRequestHeaders().getFirst("X-Sentry-Auth");
            for (JsonNode event : events(body)) {
                events.add(new Event(auth, event));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Returns the DSN that points the SDK at this receiver, project 1 with public key {@code key}. */
    String dsn() {
        return "http://key@127.0.0.1:" + server.getAddress().getPort() + "/1";
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    // An envelope is a header line, then per item a header line and a payload of the header's length
    // in bytes, or up to the next newline when the header gives none.
    private static List<JsonNode> events(byte[] envelope) throws IOException {
        List<JsonNode> found = new java.util.ArrayList<>();
        int position = lineEnd(envelope, 0) + 1;
        while (position < envelope.length) {
            int headerEnd = lineEnd(envelope, position);
            JsonNode header = ServerHarness.MAPPER.readTree(new String(envelope, position, headerEnd - position,
                    StandardCharsets.UTF_8));
            int start = headerEnd + 1;
            int end = header.has("length") ? start + header.get("length").asInt() : lineEnd(envelope, start);
            if ("event".equals(header.path("type").asText())) {
                found.add(ServerHarness.MAPPER.readTree(Arrays.copyOfRange(envelope, start, end)));
            }
            position = end + 1;
        }
        return found;
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
