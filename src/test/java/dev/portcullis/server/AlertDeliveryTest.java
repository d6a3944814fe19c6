package dev.portcullis.server;

import static dev.portcullis.server.ServerHarness.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.server.ServerHarness.Pkg;
import dev.portcullis.server.alerts.AlertEngine;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert delivery: a channel whose receiver fails once is retried, a channel that cannot be reached
 * does not hold up the other, and an image-age rule fires once per scan. Feeds:
 * ../shared/vulndata/ghsa/npm GHSA-p6mc-m468-83gw, then GHSA-35jh-r3h4-6jhm as the update.
 */
class AlertDeliveryTest {

    private static final Path GHSA = Path.of("../shared/vulndata/ghsa/npm");

    @Test
    void shouldRetryFailedDeliveryAndSkipBrokenChannel(@TempDir Path temp) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(requests.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        Path first = Files.createDirectories(temp.resolve("feed1"));
        Files.copy(GHSA.resolve("GHSA-p6mc-m468-83gw.json"), first.resolve("GHSA-p6mc-m468-83gw.json"));
        Path second = Files.createDirectories(temp.resolve("feed2"));
        Files.copy(GHSA.resolve("GHSA-35jh-r3h4-6jhm.json"), second.resolve("GHSA-35jh-r3h4-6jhm.json"));

        try (PortcullisServer server = ServerHarness.start(ServerHarness.config(temp.resolve("data"), null, null, null,
                "alerts-test"))) {
            String admin = server.bootstrapKey().orElseThrow();
            postJson(server, "/api/v1/admin/vulndb/import", admin, "{\"path\":\"" + first + "\"}");
            long good = channel(server, admin, "good", receiver.getAddress().getPort());
            long broken = channel(server, admin, "broken", closedPort);
            postJson(server, "/api/v1/rules", admin, """
                    {"name":"rebuild","action":"rebuild now","channels":[%d,%d],
                     "condition":{"type":"new-finding","risks":["HIGH","CRITICAL"],"tag":"production"}}"""
                    .formatted(broken, good));
            ServerHarness.send(server, "POST", "/api/v1/scans?project=shop&image=api&tag=production", admin,
                    "application/json", ServerHarness.sbom("api", List.of(new Pkg("npm", "lodash", "4.17.15")))
                            .getBytes(StandardCharsets.UTF_8));

            postJson(server, "/api/v1/admin/vulndb/import", admin, "{\"path\":\"" + second + "\"}");
            for (int i = 0; i < 150 && status(server, good).equals("none"); i++) {
                Thread.sleep(200);
            }
            for (int i = 0; i < 150 && !status(server, good).equals("delivered"); i++) {
                Thread.sleep(200);
            }

            assertThat(status(server, good)).isEqualTo("delivered");
            assertThat(attempts(server, good)).isEqualTo(2);
            assertThat(requests.get()).isEqualTo(2);
            assertThat(status(server, broken)).isEqualTo("failed");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void shouldFireImageAgeRuleOncePerScan(@TempDir Path temp) throws Exception {
        try (PortcullisServer server = ServerHarness.start(ServerHarness.config(temp, null, null, null, "age-test"))) {
            String admin = server.bootstrapKey().orElseThrow();
            postJson(server, "/api/v1/rules", admin, """
                    {"name":"stale","action":"rebuild: image older than 2 days","channels":[],
                     "condition":{"type":"image-age","days":2}}""");
            // The generated SBOMs are dated 2026-12-01T10:00:00Z, older than 2 days from any later run.
            ServerHarness.send(server, "POST", "/api/v1/scans?project=shop&image=old", admin, "application/json",
                    ServerHarness.sbom("old", List.of(new Pkg("npm", "left-pad", "1.3.0")))
                            .getBytes(StandardCharsets.UTF_8));
            AlertEngine engine = new AlertEngine(server.database().jdbi());

            engine.checkImageAge();
            List<AlertEngine.Event> again = engine.checkImageAge();

            assertThat(again).isEmpty();
            int events = server.database().jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from alert_event where payload ->> 'image' = 'old'").mapTo(Integer.class).one());
            assertThat(events).isEqualTo(1);
        }
    }

    private static long channel(PortcullisServer server, String admin, String name, int port) throws Exception {
        return postJson(server, "/api/v1/channels", admin, """
                {"name":"%s","kind":"webhook","config":{"url":"http://127.0.0.1:%d/hook","secret":"s"}}"""
                .formatted(name, port)).json().path("id").asLong();
    }

    private static String status(PortcullisServer server, long channel) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                "select coalesce(max(status), 'none') from delivery where channel_id = :c").bind("c", channel)
                .mapTo(String.class).one());
    }

    private static int attempts(PortcullisServer server, long channel) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                "select coalesce(max(attempts), 0) from delivery where channel_id = :c").bind("c", channel)
                .mapTo(Integer.class).one());
    }
}
