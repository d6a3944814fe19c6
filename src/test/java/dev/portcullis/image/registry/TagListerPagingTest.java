package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Follows {@code Link: <...>; rel="next"} pages of a tag list. Debian's {@code docker-registry} 2.8
 * ignores {@code n} on tag lists and always sends one page, so a small server on 127.0.0.1 pages
 * the sorted tags here as the OCI distribution spec describes: at most {@code n} tags after
 * {@code last}, and a next link while more remain.
 */
class TagListerPagingTest {

    private static final List<String> TAGS = List.of("20", "20.18.0-bookworm-slim", "20.20.2-alpine3.20",
            "20.20.2-bookworm-slim", "22.12.0-bookworm-slim");

    @TempDir
    Path cache;

    private HttpServer server;
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/library/node/tags/list", this::page);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest(name = "page size {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | n=1;n=1&last=20;n=1&last=20.18.0-bookworm-slim;n=1&last=20.20.2-alpine3.20;n=1&last=20.20.2-bookworm-slim
            2   | n=2;n=2&last=20.18.0-bookworm-slim;n=2&last=20.20.2-bookworm-slim
            100 | n=100
            """)
    void shouldFollowNextLinks(int pageSize, String expectedQueries) throws Exception {
        String endpoint = "127.0.0.1:" + server.getAddress().getPort();
        List<String> tags;
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults()
                .withInsecureRegistries(java.util.Set.of(endpoint))
                .withDockerConfig(null, List.of())
                .withCacheFolder(cache)
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)))) {
            tags = client.listTags(endpoint + "/library/node:20", pageSize);
        }

        assertThat(tags).containsExactlyElementsOf(TAGS);
        assertThat(String.join(";", queries)).isEqualTo(expectedQueries);
    }

    private void page(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        queries.add(query);
        Map<String, String> parameters = java.util.Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        int size = Integer.parseInt(parameters.get("n"));
        int start = parameters.containsKey("last") ? TAGS.indexOf(parameters.get("last")) + 1 : 0;
        List<String> page = TAGS.subList(start, Math.min(TAGS.size(), start + size));
        if (start + size < TAGS.size()) {
            exchange.getResponseHeaders().add("Link",
                    "</v2/library/node/tags/list?n=" + size + "&last=" + page.getLast() + ">; rel=\"next\"");
        }
        byte[] body = ("{\"name\":\"library/node\",\"tags\":["
                + page.stream().map(tag -> "\"" + tag + "\"").collect(Collectors.joining(","))
                + "]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
