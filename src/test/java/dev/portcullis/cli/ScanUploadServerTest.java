package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.server.PortcullisServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.analysis.TriagingAnalyzer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Runs {@code scan --server} on the demo image ({@code ../shared/fixtures/images/demo-nest-api/oci})
 * against a server on 127.0.0.1 with its embedded PostgreSQL and the GHSA records of
 * {@code ../shared/vulndata/ghsa/npm}, then reads the stored scan back through the server's API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanUploadServerTest {

    private static final String DEMO = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    private final HttpClient http = HttpClient.newHttpClient();
    private PortcullisServer server;
    private String admin;

    @BeforeAll
    void startServer() throws Exception {
        server = PortcullisServer.start(new ServerConfig("127.0.0.1", 0, folder.resolve("data"), null, null, null,
                folder.resolve("vuln.db"), 64L * 1024 * 1024, null, Duration.ofMillis(200), "scan-upload-test"),
                new TriagingAnalyzer(Clock.systemUTC()));
        admin = server.bootstrapKey().orElseThrow();
        String feeds = Path.of("../shared/vulndata/ghsa/npm").toAbsolutePath().toString();
        HttpResponse<String> imported = send(HttpRequest.newBuilder(api("/api/v1/admin/vulndb/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("path", feeds).toString())));
        assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 202);
    }

    // The class shares one instance and so one capture, which each test starts empty.
    @BeforeEach
    void clearStreams() {
        streams.reset();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void shouldStoreScanWithDefaultNames() throws Exception {
        Path report = folder.resolve("default-names.json");

        int exit = scan(Map.of("PORTCULLIS_API_KEY", admin), DEMO, "--skip-db", "--format", "json", "--output",
                report.toString(), "--server", serverUrl(), "--tag", "production", "--tag", "eu");

        assertThat(exit).as(streams.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(report.toFile()).path("packages").size()).isEqualTo(448);
        String uploaded = streams.err().lines().filter(line -> line.contains("uploaded")).findFirst().orElseThrow();
        assertThat(uploaded).matches("portcullis: uploaded the scan to " + serverUrl().replace(".", "\\.")
                + " as project demo-nest-api, image demo-nest-api \\(scan id \\d+, image id \\d+\\)");
        long imageId = Long.parseLong(uploaded.replaceAll(".*image id (\\d+)\\)$", "$1"));

        JsonNode image = get("/api/v1/images/" + imageId);
        assertThat(image.path("project").asText()).isEqualTo("demo-nest-api");
        assertThat(image.path("name").asText()).isEqualTo("demo-nest-api");
        assertThat(image.path("tags").toString()).isEqualTo("[\"production\",\"eu\"]");

        JsonNode findings = get("/api/v1/images/" + imageId + "/findings?cve=CVE-2021-23337");
        assertThat(findings.path("total").asInt()).isEqualTo(1);
        JsonNode configEvidence = null;
        for (JsonNode evidence : JSON.readTree(findings.path("items").get(0).path("evidence").asText())) {
            if (evidence.path("source").asText().equals("image config")) {
                configEvidence = evidence;
            }
        }
        assertThat(configEvidence).as(findings.toString()).isNotNull();
        assertThat(configEvidence.path("details").path("user").asText()).isEqualTo("node");
        assertThat(configEvidence.path("details").path("ports").asText()).isEqualTo("[3000/tcp]");
    }

    @Test
    void shouldStoreScanUnderGivenNamesQuietly() throws Exception {
        int exit = scan(Map.of("UPLOAD_KEY", admin), DEMO, "--skip-db", "--format", "json", "--quiet", "--server",
                serverUrl(), "--api-key-env", "UPLOAD_KEY", "--project", "shop", "--image", "shop/api");

        assertThat(exit).as(streams.err()).isEqualTo(ExitCode.OK);
        assertThat(streams.err()).isEmpty();
        assertThat(JSON.readTree(streams.outBytes()).path("image").path("reference").asText()).isEqualTo(DEMO);
        JsonNode images = get("/api/v1/images?project=shop").path("items");
        assertThat(images.size()).isEqualTo(1);
        assertThat(images.get(0).path("name").asText()).isEqualTo("shop/api");
        assertThat(images.get(0).path("tags").size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong key          | wrong   | 2 | failed with HTTP 401
            refused connection | closed  | 2 | failed (connection refused)
            server error       | failing | 3 | failed with HTTP 503: database unavailable; the report was written
            """)
    void shouldWriteReportBeforeUploadFailure(String case_, String target, int exitCode, String message)
            throws Exception {
        Path report = folder.resolve(target + ".json");
        HttpServer failing = null;
        String url = serverUrl();
        if (target.equals("closed")) {
            url = "http://127.0.0.1:" + closedPort();
        } else if (target.equals("failing")) {
            failing = failingServer();
            url = "http://127.0.0.1:" + failing.getAddress().getPort();
        }
        try {
            int exit = scan(Map.of("PORTCULLIS_API_KEY", target.equals("wrong") ? "pc_wrong" : admin), DEMO,
                    "--skip-db", "--quiet", "--format", "json", "--output", report.toString(), "--server", url);

            assertThat(exit).as(streams.err()).isEqualTo(exitCode);
        } finally {
            if (failing != null) {
                failing.stop(0);
            }
        }
        assertThat(streams.err()).startsWith(Main.ERROR_PREFIX + "upload to " + url + " ").contains(message);
        assertThat(streams.err().lines()).hasSize(1);
        assertThat(JSON.readTree(report.toFile()).path("packages").size()).isEqualTo(448);
    }

    /** Returns a port on 127.0.0.1 that nothing listens on, so a connection to it is refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts an HTTP server on 127.0.0.1 that responds to every request with 503, as a server whose database is down does. */
    private static HttpServer failingServer() throws IOException {
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "database unavailable".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        failing.start();
        return failing;
    }

    private int scan(Map<String, String> environment, String... args) {
        CommandLine commandLine = Main.configure(new CommandLine(new ScanCommand(environment, folder.resolve("home"),
                Clock.systemUTC(), System.err)));
        commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    private URI api(String path) {
        return URI.create(serverUrl() + path);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api(path)).GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
