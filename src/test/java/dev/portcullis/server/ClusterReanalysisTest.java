package dev.portcullis.server;

import static dev.portcullis.server.ServerHarness.get;
import static dev.portcullis.server.ServerHarness.postJson;
import static dev.portcullis.server.ServerHarness.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.server.ServerHarness.Pkg;
import dev.portcullis.server.alerts.WebhookChannel;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances in one JVM on one PostgreSQL: 500 uploads spread over both, then a feed import
 * that adds an advisory. The re-analysis runs once, no scan is lost, and each expected alert reaches a
 * webhook receiver once with a valid HMAC signature. Feeds: ../shared/vulndata/ghsa/npm
 * GHSA-p6mc-m468-83gw first, then GHSA-35jh-r3h4-6jhm (CVE-2021-23337, high) as the update.
 */
class ClusterReanalysisTest {

    private static final String SECRET = "test-signing-secret";
    private static final Path GHSA = Path.of("../shared/vulndata/ghsa/npm");

    @Test
    void shouldReanalyzeOnceAndAlertOnce(@TempDir Path temp) throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<String, Boolean> validSignatures = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            bodies.add(text);
            validSignatures.put(text, ("sha256=" + WebhookChannel.sign(SECRET, body))
                    .equals(exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE_HEADER)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path first = Files.createDirectories(temp.resolve("feed1"));
        Files.copy(GHSA.resolve("GHSA-p6mc-m468-83gw.json"), first.resolve("GHSA-p6mc-m468-83gw.json"));
        Path second = Files.createDirectories(temp.resolve("feed2"));
        Files.copy(GHSA.resolve("GHSA-35jh-r3h4-6jhm.json"), second.resolve("GHSA-35jh-r3h4-6jhm.json"));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path vulnDb = temp.resolve("vuln.db");
            // Both processes decrypt the channel secrets, so they share one key.
            byte[] raw = new byte[32];
            new java.security.SecureRandom().nextBytes(raw);
            Path key = Files.writeString(temp.resolve("secret.key"), java.util.Base64.getEncoder().encodeToString(raw));
            ServerConfig configA = withVulnDb(ServerHarness.config(Files.createDirectories(temp.resolve("a")), url,
                    "postgres", null, "node-a"), vulnDb, key);
            ServerConfig configB = withVulnDb(ServerHarness.config(Files.createDirectories(temp.resolve("b")), url,
                    "postgres", null, "node-b"), vulnDb, key);
            try (PortcullisServer a = ServerHarness.start(configA); PortcullisServer b = ServerHarness.start(configB)) {
                String admin = a.bootstrapKey().or(b::bootstrapKey).orElseThrow();
                assertThat(a.bootstrapKey().isPresent() ^ b.bootstrapKey().isPresent()).isTrue();
                assertThat(postJson(a, "/api/v1/admin/vulndb/import", admin, "{\"path\":\"" + first + "\"}").status())
                        .isEqualTo(202);
                long channel = postJson(a, "/api/v1/channels", admin, """
                        {"name":"hook","kind":"webhook","config":{"url":"http://127.0.0.1:%d/hook","secret":"%s"}}"""
                        .formatted(receiver.getAddress().getPort(), SECRET)).json().path("id").asLong();
                assertThat(postJson(a, "/api/v1/rules", admin, """
                        {"name":"rebuild","action":"rebuild now","channels":[%d],
                         "condition":{"type":"new-finding","verdicts":["AFFECTED"],"risks":["HIGH","CRITICAL"],
                                      "kev":true,"tag":"production"}}""".formatted(channel)).status()).isEqualTo(201);

                int production = 0;
                for (int i = 0; i < 500; i++) {
                    PortcullisServer target = i % 2 == 0 ? a : b;
                    boolean vulnerable = i % 5 == 0;
                    String tag = i % 10 == 0 ? "production" : "staging";
                    if (vulnerable && tag.equals("production")) {
                        production++;
                    }
                    List<Pkg> packages = List.of(new Pkg("npm", vulnerable ? "lodash" : "left-pad",
                            vulnerable ? "4.17.15" : "1.3.0"), new Pkg("npm", "app-" + (i % 7), "1.0." + (i % 3)));
                    var reply = send(target, "POST", "/api/v1/scans?project=fleet&image=img-" + i + "&tag=" + tag,
                            admin, "application/json",
                            ServerHarness.sbom("img-" + i, packages).getBytes(StandardCharsets.UTF_8));
                    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                }
                assertThat(countOf(a, "select count(*) from scan")).isEqualTo(500);

                assertThat(postJson(b, "/api/v1/admin/vulndb/import", admin, "{\"path\":\"" + second + "\"}").status())
                        .isEqualTo(202);
                waitFor(() -> bodies.size() >= 50 && countOf(a, "select count(*) from analysis_run where finished_at is not null") >= 2);
                Thread.sleep(2000);

                assertThat(countOf(a, "select count(*) from analysis_run where reason like 'feed import of %feed2'"))
                        .isEqualTo(1);
                assertThat(countOf(a, "select count(*) from analysis_change where kind = 'NEW'")).isEqualTo(100);
                assertThat(bodies).hasSize(production);
                assertThat(validSignatures.values()).containsOnly(true);
                JsonNode alert = ServerHarness.MAPPER.readTree(bodies.getFirst());
                assertThat(alert.path("action").asText()).isEqualTo("rebuild now");
                assertThat(alert.path("findings").get(0).path("vulnId").asText()).isEqualTo("CVE-2021-23337");
                assertThat(get(a, "/api/v1/images?project=fleet&pageSize=500", admin).json().path("items").size())
                        .isEqualTo(500);
            }
        } finally {
            receiver.stop(0);
        }
    }

    private static ServerConfig withVulnDb(ServerConfig c, Path vulnDb, Path secretKeyFile) {
        return new ServerConfig(c.host(), c.port(), c.dataDir(), c.dbUrl(), c.dbUser(), c.dbPassword(), vulnDb,
                c.maxUploadBytes(), null, c.pollInterval(), c.instanceName(), secretKeyFile);
    }

    private static int countOf(PortcullisServer server, String sql) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        // Bounded: the jobs poll every 200 ms, so this waits at most 60 s.
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(200);
        }
    }
}
