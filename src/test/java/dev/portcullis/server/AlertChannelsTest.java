package dev.portcullis.server;

import static dev.portcullis.server.ServerHarness.get;
import static dev.portcullis.server.ServerHarness.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.server.ServerHarness.Pkg;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Slack, email and Sentry channels deliver one alert to real receivers on 127.0.0.1, with their
 * secrets encrypted in PostgreSQL, masked by the API and absent from the log, while a webhook whose
 * receiver is down fails on its own. Feeds: ../shared/vulndata/ghsa/npm GHSA-p6mc-m468-83gw, then
 * GHSA-35jh-r3h4-6jhm as the update that fires the alert.
 */
class AlertChannelsTest {

    private static final Path GHSA = Path.of("../shared/vulndata/ghsa/npm");
    private static final String SLACK_TOKEN = "T0001/B0002/slackToken123";
    private static final String SMTP_PASSWORD = "smtp-password-456";
    private static final String WEBHOOK_SECRET = "webhook-secret-789";
    private static final String SUMMARY = "rebuild now: shop/api (rule \"rebuild\", 1 finding)";

    @Test
    void shouldDeliverToEveryChannelKind(@TempDir Path temp) throws Exception {
        List<String> slackBodies = new CopyOnWriteArrayList<>();
        HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/services/", exchange -> {
            slackBodies.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slack.start();
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);

        try (SmtpReceiver smtp = new SmtpReceiver(); SentryReceiver sentry = new SentryReceiver();
                PortcullisServer server = ServerHarness.start(ServerHarness.config(temp.resolve("data"), null, null,
                        null, "channels-test"))) {
            String admin = server.bootstrapKey().orElseThrow();
            postJson(server, "/api/v1/admin/vulndb/import", admin, "{\"path\":\"" + feed(temp, "feed1",
                    "GHSA-p6mc-m468-83gw.json") + "\"}");
            String slackUrl = "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/" + SLACK_TOKEN;
            long slackId = channel(server, admin, "team-slack", "slack", "{\"url\":\"" + slackUrl + "\"}");
            long emailId = channel(server, admin, "oncall-mail", "email", """
                    {"host":"127.0.0.1","port":%d,"from":"portcullis@example.test","to":"oncall@example.test",
                     "user":"alerts","password":"%s"}""".formatted(smtp.port(), SMTP_PASSWORD));
            long sentryId = channel(server, admin, "sentry", "sentry", "{\"dsn\":\"" + sentry.dsn() + "\"}");
            long brokenId = channel(server, admin, "down-hook", "webhook", """
                    {"url":"http://127.0.0.1:%d/hook","secret":"%s"}""".formatted(closedPort, WEBHOOK_SECRET));
            postJson(server, "/api/v1/rules", admin, """
                    {"name":"rebuild","action":"rebuild now","channels":[%d,%d,%d,%d],
                     "condition":{"type":"new-finding","risks":["HIGH","CRITICAL"],"tag":"production"}}"""
                    .formatted(brokenId, slackId, emailId, sentryId));
            ServerHarness.send(server, "POST", "/api/v1/scans?project=shop&image=api&tag=production", admin,
                    "application/json", ServerHarness.sbom("api", List.of(new Pkg("npm", "lodash", "4.17.15")))
                            .getBytes(StandardCharsets.UTF_8));

            postJson(server, "/api/v1/admin/vulndb/import", admin, "{\"path\":\"" + feed(temp, "feed2",
                    "GHSA-35jh-r3h4-6jhm.json") + "\"}");
            for (long id : List.of(slackId, emailId, sentryId)) {
                for (int i = 0; i < 300 && !status(server, id).equals("delivered"); i++) {
                    Thread.sleep(100);
                }
            }

            assertThat(status(server, slackId)).isEqualTo("delivered");
            assertThat(status(server, emailId)).isEqualTo("delivered");
            assertThat(status(server, sentryId)).isEqualTo("delivered");
            assertThat(status(server, brokenId)).isEqualTo("failed");

            assertThat(slackBodies).hasSize(1);
            assertThat(slackBodies.getFirst()).startsWith("application/json {");
            JsonNode message = ServerHarness.MAPPER.readTree(slackBodies.getFirst().substring("application/json ".length()));
            assertThat(message.path("text").asText()).isEqualTo(SUMMARY);
            assertThat(message.path("blocks").size()).isEqualTo(2);
            assertThat(message.path("blocks").get(0).path("type").asText()).isEqualTo("header");
            assertThat(message.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("plain_text");
            assertThat(message.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("rebuild now");
            assertThat(message.path("blocks").get(1).path("type").asText()).isEqualTo("section");
            assertThat(message.path("blocks").get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
            assertThat(message.path("blocks").get(1).path("text").path("text").asText())
                    .isEqualTo("*shop/api* (rule rebuild)\n• CVE-2021-23337 in lodash: AFFECTED, HIGH");

            assertThat(smtp.sessions()).hasSize(1);
            SmtpReceiver.Session mail = smtp.sessions().getFirst();
            assertThat(mail.commands().getFirst()).startsWith("EHLO ");
            assertThat(mail.commands().subList(1, mail.commands().size())).containsExactly("AUTH LOGIN",
                    "MAIL FROM:<portcullis@example.test>", "RCPT TO:<oncall@example.test>", "DATA", "QUIT");
            assertThat(mail.user()).isEqualTo("alerts");
            assertThat(mail.password()).isEqualTo(SMTP_PASSWORD);
            MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.UTF_8)));
            assertThat(received.getSubject()).isEqualTo("[portcullis] " + SUMMARY);
            assertThat(received.getHeader("From", ",")).isEqualTo("portcullis@example.test");
            assertThat(received.getHeader("To", ",")).isEqualTo("oncall@example.test");
            assertThat(received.getContentType()).startsWith("text/plain");
            JsonNode mailBody = ServerHarness.MAPPER.readTree(((String) received.getContent()).strip());
            assertThat(mailBody.path("action").asText()).isEqualTo("rebuild now");
            assertThat(mailBody.path("findings").get(0).path("vulnId").asText()).isEqualTo("CVE-2021-23337");

            assertThat(sentry.events()).hasSize(1);
            SentryReceiver.Event event = sentry.events().getFirst();
            assertThat(event.auth()).contains("sentry_key=key");
            assertThat(event.payload().path("message").path("formatted").asText()).isEqualTo(SUMMARY);
            assertThat(event.payload().path("level").asText()).isEqualTo("warning");
            assertThat(event.payload().path("tags").path("portcullis.image").asText()).isEqualTo("api");
            assertThat(event.payload().path("tags").path("portcullis.project").asText()).isEqualTo("shop");
            assertThat(event.payload().path("tags").path("portcullis.rule").asText()).isEqualTo("rebuild");

            List<String> secrets = List.of(SLACK_TOKEN, SMTP_PASSWORD, sentry.dsn(), WEBHOOK_SECRET);
            List<String> rows = server.database().jdbi().withHandle(h -> h.createQuery(
                    "select config::text from channel order by id").mapTo(String.class).list());
            String stored = String.join("\n", rows);
            for (String secret : secrets) {
                assertThat(stored).doesNotContain(secret);
            }
            assertThat(stored.split("enc:v1:", -1)).hasSize(5);

            JsonNode listed = get(server, "/api/v1/channels", admin).json().path("items");
            Map<String, String> masked = new java.util.TreeMap<>();
            listed.forEach(item -> masked.put(item.path("kind").asText(), item.path("config").toString()));
            assertThat(masked.get("slack")).isEqualTo("{\"url\":\"********\"}");
            assertThat(masked.get("sentry")).isEqualTo("{\"dsn\":\"********\"}");
            assertThat(masked.get("webhook")).isEqualTo("{\"url\":\"http://127.0.0.1:" + closedPort
                    + "/hook\",\"secret\":\"********\"}");
            assertThat(masked.get("email")).contains("\"password\":\"********\"", "\"user\":\"alerts\"");

            List<String> logged = new ArrayList<>();
            log.list.forEach(entry -> logged.add(entry.getFormattedMessage()
                    + (entry.getThrowableProxy() == null ? "" : " " + entry.getThrowableProxy().getMessage())));
            assertThat(logged).anyMatch(line -> line.startsWith("Delivery attempt 1 of alert"));
            for (String secret : secrets) {
                assertThat(logged).noneMatch(line -> line.contains(secret));
            }
        } finally {
            root.detachAppender(log);
            slack.stop(0);
        }
    }

    private static Path feed(Path temp, String folder, String file) throws Exception {
        Path target = Files.createDirectories(temp.resolve(folder));
        Files.copy(GHSA.resolve(file), target.resolve(file));
        return target;
    }

    private static long channel(PortcullisServer server, String admin, String name, String kind, String config)
            throws Exception {
        var reply = postJson(server, "/api/v1/channels", admin, """
                {"name":"%s","kind":"%s","config":%s}""".formatted(name, kind, config));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    private static String status(PortcullisServer server, long channel) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                "select coalesce(max(status), 'none') from delivery where channel_id = :c").bind("c", channel)
                .mapTo(String.class).one());
    }
}
