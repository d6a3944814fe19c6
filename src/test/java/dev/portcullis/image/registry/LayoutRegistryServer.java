package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal read-only registry on 127.0.0.1 that serves repository {@code demo} from an OCI layout,
 * whose {@code ref.name} annotations are the tags. On request it fails in one of these ways: error
 * statuses with {@code Retry-After}, a blob response cut off or stalled halfway, a damaged blob, a
 * slow response, a Basic challenge, or a redirect of blobs to another server.
 */
final class LayoutRegistryServer implements AutoCloseable {

    record Failure(int count, int status, String retryAfter) {}

    private final Path layout;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final ObjectMapper json = new ObjectMapper();
    private volatile Failure failure = new Failure(0, 0, null);
    private volatile String truncateOnce;
    private volatile String corrupt;
    private volatile String stallOnce;
    private volatile Duration delay = Duration.ZERO;
    private volatile String requiredAuthorization;
    private volatile String blobRedirect;
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    LayoutRegistryServer(Path layout) throws IOException {
        this.layout = layout;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/v2/", this::handle);
        server.start();
    }

    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Fails the first {@code count} requests with the status, then serves normally. */
    void failFirst(int count, int status, String retryAfter) {
        failure = new Failure(count, status, retryAfter);
    }

    /** Cuts the first response for this blob off after half of its bytes and closes the connection. */
    void truncateOnce(String digest) {
        truncateOnce = digest;
    }

    /** Sends half of the first response for this blob, then sends nothing more for a minute. */
    void stallOnce(String digest) {
        stallOnce = digest;
    }

    /** Serves this blob with its first byte changed. */
    void corrupt(String digest) {
        corrupt = digest;
    }

    /** Requires this exact {@code Authorization} header, and returns 401 with a Basic challenge otherwise. */
    void requireAuthorization(String header) {
        requiredAuthorization = header;
    }

    /** Redirects every blob request with 307 to the same path under {@code baseUrl}. */
    void redirectBlobsTo(String baseUrl) {
        blobRedirect = baseUrl;
    }

    /** Returns the {@code Authorization} header of each request in order, "none" where absent. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    void delay(Duration wait) {
        delay = wait;
    }

    /** Returns "PATH STATUS" for each request in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "none" : authorization);
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"test\"");
                respond(exchange, path, 401, new byte[0], null);
                return;
            }
            if (!delay.isZero()) {
                sleep(delay);
            }
            synchronized (this) {
                if (failure.count() > 0) {
                    failure = new Failure(failure.count() - 1, failure.status(), failure.retryAfter());
                    if (failure.retryAfter() != null) {
                        exchange.getResponseHeaders().set("Retry-After", failure.retryAfter());
                    }
                    respond(exchange, path, failure.status(), new byte[0], null);
                    return;
                }
            }
            if (path.equals("/v2/")) {
                respond(exchange, path, 200, "{}".getBytes(), "application/json");
            } else if (path.startsWith("/v2/demo/manifests/")) {
                serveManifest(exchange, path, path.substring("/v2/demo/manifests/".length()));
            } else if (path.startsWith("/v2/demo/blobs/")) {
                serveBlob(exchange, path, path.substring("/v2/demo/blobs/".length()));
            } else {
                respond(exchange, path, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}".getBytes(), "application/json");
            }
        }
    }

    private void serveManifest(HttpExchange exchange, String path, String reference) throws IOException {
        for (JsonNode entry : json.readTree(layout.resolve("index.json").toFile()).path("manifests")) {
            String tag = entry.path("annotations").path("org.opencontainers.image.ref.name").asText();
            String digest = entry.path("digest").asText();
            if (reference.equals(tag) || reference.equals(digest)) {
                respond(exchange, path, 200, Files.readAllBytes(blobPath(digest)), entry.path("mediaType").asText());
                return;
            }
        }
        respond(exchange, path, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes(), "application/json");
    }

    private void serveBlob(HttpExchange exchange, String path, String digest) throws IOException {
        if (blobRedirect != null) {
            exchange.getResponseHeaders().set("Location", blobRedirect + path);
            respond(exchange, path, 307, new byte[0], null);
            return;
        }
        Path file = blobPath(digest);
        if (!Files.isRegularFile(file)) {
            respond(exchange, path, 404, new byte[0], null);
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (digest.equals(corrupt)) {
            bytes[0] ^= 0x01;
        }
        if (digest.equals(truncateOnce)) {
            truncateOnce = null;
            requests.add(path + " truncated");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream body = exchange.getResponseBody();
            body.write(bytes, 0, bytes.length / 2);
            body.flush();
            // The server closes the connection when the exchange ends with bytes still owed.
            return;
        }
        if (digest.equals(stallOnce)) {
            stallOnce = null;
            requests.add(path + " stalled");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            sleep(Duration.ofMinutes(1));
            return;
        }
        respond(exchange, path, 200, bytes, "application/octet-stream");
    }

    private void respond(HttpExchange exchange, String path, int status, byte[] body, String contentType)
            throws IOException {
        requests.add(path + " " + status);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private Path blobPath(String digest) {
        return layout.resolve("blobs").resolve("sha256").resolve(digest.substring(digest.indexOf(':') + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
