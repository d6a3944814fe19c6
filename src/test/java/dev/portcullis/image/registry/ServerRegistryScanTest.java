package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.cli.RegistryImageScanner;
import dev.portcullis.server.PortcullisServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.analysis.MatchingAnalyzer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server scans a registry image itself: the demo image ({@code ../shared/fixtures/images/demo-nest-api/oci})
 * served by a registry on 127.0.0.1 is pulled, cataloged and matched against the GHSA records in
 * {@code ../shared/vulndata/ghsa/npm}, which give lodash 4.17.15 two findings.
 */
class ServerRegistryScanTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void shouldStoreScanOfRegistryImage(@TempDir Path temp) throws Exception {
        try (LayoutRegistryServer registry = new LayoutRegistryServer(DemoImage.LAYOUT)) {
            RegistryOptions options = RegistryOptions.defaults()
                    .withInsecureRegistries(Set.of(registry.endpoint())).withCacheFolder(temp.resolve("cache"));
            ServerConfig config = new ServerConfig("127.0.0.1", 0, temp.resolve("data"), null, null, null,
                    temp.resolve("vuln.db"), 1024 * 1024, null, Duration.ofMillis(200), "registry-test");
            try (PortcullisServer server = PortcullisServer.start(config, new MatchingAnalyzer(),
                    new RegistryImageScanner(options, null))) {
                String admin = server.bootstrapKey().orElseThrow();
                String base = "http://127.0.0.1:" + server.port();
                post(base + "/api/v1/admin/vulndb/import", admin,
                        "{\"path\":\"" + Path.of("../shared/vulndata/ghsa/npm").toAbsolutePath() + "\"}");

                HttpResponse<String> scheduled = post(base + "/api/v1/registry-scans", admin,
                        "{\"reference\":\"" + registry.endpoint() + "/demo:" + DemoImage.TAG
                                + "\",\"project\":\"demo\",\"image\":\"demo-nest-api\",\"tags\":[\"production\"]}");
                assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
                JsonNode images = null;
                for (int i = 0; i < 300; i++) {
                    images = get(base + "/api/v1/images?project=demo", admin).path("items");
                    if (images.size() > 0) {
                        break;
                    }
                    Thread.sleep(200);
                }

                assertThat(images).hasSize(1);
                long imageId = images.get(0).path("id").asLong();
                JsonNode lodash = get(base + "/api/v1/images/" + imageId + "/findings?package=lodash", admin);
                assertThat(lodash.path("total").asInt()).isEqualTo(2);
                assertThat(images.get(0).path("tags").get(0).asText()).isEqualTo("production");
            }
        }
    }

    private static HttpResponse<String> post(String url, String key, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String url, String key) throws Exception {
        return new ObjectMapper().readTree(CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
