package dev.portcullis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.server.analysis.MatchingAnalyzer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Starts servers for tests and talks to them over HTTP on 127.0.0.1, as a client would. */
final class ServerHarness {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServerHarness() {}

    static ServerConfig config(Path dataDir, String dbUrl, String user, String password, String instance) {
        return new ServerConfig("127.0.0.1", 0, dataDir, dbUrl, user, password, dataDir.resolve("vuln.db"),
                1024 * 1024, null, Duration.ofMillis(200), instance);
    }

    static PortcullisServer start(ServerConfig config) throws IOException {
        return PortcullisServer.start(config, new MatchingAnalyzer());
    }

    /** A response's status and body. */
    record Reply(int status, String body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }

    static Reply send(PortcullisServer server, String method, String path, String key, String contentType,
            byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    static Reply get(PortcullisServer server, String path, String key) throws IOException, InterruptedException {
        return send(server, "GET", path, key, null, null);
    }

    static Reply postJson(PortcullisServer server, String path, String key, String json)
            throws IOException, InterruptedException {
        return send(server, "POST", path, key, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A package of a generated SBOM. */
    record Pkg(String type, String name, String version) {}

    /** Writes a CycloneDX 1.6 JSON SBOM with the given library components. */
    static String sbom(String image, List<Pkg> packages) {
        String components = packages.stream().map(p -> """
                {"type":"library","name":"%s","version":"%s","purl":"pkg:%s/%s@%s"}"""
                .formatted(p.name(), p.version(), p.type(), p.name(), p.version())).collect(Collectors.joining(","));
        return """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"timestamp":"2026-12-01T10:00:00Z","component":{"type":"container","name":"%s"},
                   "tools":{"components":[{"type":"application","name":"portcullis","version":"0.1.0"}]}},
                 "components":[%s]}""".formatted(image, components);
    }
}
