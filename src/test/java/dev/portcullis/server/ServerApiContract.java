package dev.portcullis.server;

import static dev.portcullis.server.ServerHarness.get;
import static dev.portcullis.server.ServerHarness.postJson;
import static dev.portcullis.server.ServerHarness.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.server.ServerHarness.Pkg;
import dev.portcullis.server.ServerHarness.Reply;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST API against a real PostgreSQL, from empty: ingest, findings with filters and pages,
 * decisions, key scopes and bad input. Feeds: the GHSA records of lodash and express in
 * ../shared/vulndata/ghsa/npm (lodash 4.17.15 has two findings, express 4.17.1 one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerApiContract {

    static final String FEEDS = "../shared/vulndata/ghsa/npm";

    PortcullisServer server;
    String admin;
    String writer;
    String reader;
    long imageId;
    long scanId;

    abstract PortcullisServer startServer() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        server = startServer();
        admin = server.bootstrapKey().orElseThrow();
        writer = key("ci-upload", "write");
        reader = key("viewer", "read");
        Reply imported = postJson(server, "/api/v1/admin/vulndb/import", admin,
                "{\"path\":\"" + java.nio.file.Path.of(FEEDS).toAbsolutePath() + "\"}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        Reply uploaded = upload("shop/api", "production", List.of(new Pkg("npm", "lodash", "4.17.15"),
                new Pkg("npm", "express", "4.17.1"), new Pkg("npm", "left-pad", "1.3.0")));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        scanId = uploaded.json().path("id").asLong();
        imageId = uploaded.json().path("imageId").asLong();
    }

    @AfterAll
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    String key(String name, String scope) throws Exception {
        Reply created = postJson(server, "/api/v1/keys", admin, "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    Reply upload(String image, String tag, List<Pkg> packages) throws Exception {
        return send(server, "POST", "/api/v1/scans?project=shop&image=" + image + "&tag=" + tag, writer,
                "application/vnd.cyclonedx+json", ServerHarness.sbom(image, packages).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldStoreFindingsOfUploadedSbom() throws Exception {
        JsonNode page = get(server, "/api/v1/scans/" + scanId + "/findings", reader).json();

        assertThat(page.path("total").asInt()).isEqualTo(3);
        Set<String> ids = new HashSet<>();
        page.path("items").forEach(f -> ids.add(f.path("vulnId").asText() + " " + f.path("packageName").asText()));
        assertThat(ids).containsExactlyInAnyOrder("CVE-2020-8203 lodash", "CVE-2021-23337 lodash",
                "CVE-2024-29041 express");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            package=lodash                 | 2
            package=express                | 1
            cve=CVE-2021-23337             | 1
            verdict=AFFECTED               | 3
            verdict=NOT_AFFECTED           | 0
            package=lodash&cve=CVE-2020-8203 | 1
            package=left-pad               | 0
            """)
    void shouldFilterFindings(String query, int expected) throws Exception {
        Reply reply = get(server, "/api/v1/images/" + imageId + "/findings?" + query, reader);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("total").asInt()).isEqualTo(expected);
        assertThat(reply.json().path("items").size()).isEqualTo(expected);
    }

    @Test
    void shouldPaginateFindings() throws Exception {
        JsonNode first = get(server, "/api/v1/scans/" + scanId + "/findings?pageSize=2&page=1", reader).json();
        JsonNode second = get(server, "/api/v1/scans/" + scanId + "/findings?pageSize=2&page=2", reader).json();

        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(first.path("total").asInt()).isEqualTo(3);
        assertThat(second.path("items").get(0).path("id").asLong())
                .isGreaterThan(first.path("items").get(1).path("id").asLong());
    }

    @Test
    void shouldApplyDecisionAndAuditIt() throws Exception {
        Reply image = upload("shop/worker", "staging", List.of(new Pkg("npm", "lodash", "4.17.15")));
        long worker = image.json().path("imageId").asLong();
        Reply decided = postJson(server, "/api/v1/images/" + worker + "/decisions", writer, """
                {"vulnId":"CVE-2020-8203","packageName":"lodash","verdict":"NOT_AFFECTED",
                 "reason":"merge is never called on user input","expiresAt":"2099-01-01T00:00:00Z"}""");

        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        JsonNode notAffected = get(server, "/api/v1/images/" + worker + "/findings?verdict=NOT_AFFECTED", reader).json();
        assertThat(notAffected.path("total").asInt()).isEqualTo(1);
        assertThat(notAffected.path("items").get(0).path("analysisVerdict").asText()).isEqualTo("AFFECTED");
        assertThat(notAffected.path("items").get(0).path("decisionAuthor").asText()).isEqualTo("ci-upload");
        JsonNode audit = get(server, "/api/v1/audit-log", admin).json();
        assertThat(audit.path("items").get(0).path("action").asText()).isEqualTo("decision.recorded");
        assertThat(audit.path("items").get(0).path("actor").asText()).isEqualTo("ci-upload");
    }

    @Test
    void shouldIgnoreExpiredDecision() throws Exception {
        Reply image = upload("shop/cron", "staging", List.of(new Pkg("npm", "express", "4.17.1")));
        long cron = image.json().path("imageId").asLong();
        postJson(server, "/api/v1/images/" + cron + "/decisions", writer, """
                {"vulnId":"CVE-2024-29041","packageName":"express","verdict":"NOT_AFFECTED",
                 "reason":"expired already","expiresAt":"2001-01-01T00:00:00Z"}""");

        JsonNode affected = get(server, "/api/v1/images/" + cron + "/findings?verdict=AFFECTED", reader).json();
        assertThat(affected.path("total").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/v1/images                  | none   | 401
            GET  | /api/v1/images                  | wrong  | 401
            GET  | /api/v1/images                  | reader | 200
            POST | /api/v1/scans?image=x           | reader | 403
            POST | /api/v1/keys                    | writer | 403
            GET  | /api/v1/audit-log               | writer | 403
            POST | /api/v1/admin/vulndb/import     | writer | 403
            GET  | /api/v1/channels                | reader | 403
            """)
    void shouldEnforceScopes(String method, String path, String caller, int expected) throws Exception {
        String key = switch (caller) {
            case "reader" -> reader;
            case "writer" -> writer;
            case "wrong" -> "pc_000000000000_deadbeef";
            default -> null;
        };
        Reply reply = send(server, method, path, key, "application/json", method.equals("POST") ? "{}".getBytes() : null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.json().path("error").asText()).isNotBlank();
        }
    }

    @Test
    void shouldRejectExpiredKey() throws Exception {
        Reply created = postJson(server, "/api/v1/keys", admin,
                "{\"name\":\"old\",\"scope\":\"read\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
        String expired = created.json().path("key").asText();

        Reply reply = get(server, "/api/v1/images", expired);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asText()).contains("expired").doesNotContain(expired);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                  | this is not json                                 | not JSON
            spdx document             | {"spdxVersion":"SPDX-2.3","packages":[]}         | not a CycloneDX SBOM
            components not an array   | {"bomFormat":"CycloneDX","specVersion":"1.6","components":{}} | must be an array
            """)
    void shouldRejectNonCycloneDxUpload(String name, String body, String message) throws Exception {
        int before = server.database().jdbi().withHandle(h -> h.createQuery("select count(*) from scan")
                .mapTo(Integer.class).one());

        Reply reply = send(server, "POST", "/api/v1/scans?project=shop&image=bad", writer, "application/json",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).contains(message);
        int after = server.database().jdbi().withHandle(h -> h.createQuery("select count(*) from scan")
                .mapTo(Integer.class).one());
        assertThat(after).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sql in cve         | cve=x'%20OR%201=1--
            sql in package     | package=a;drop%20table%20finding
            unknown verdict    | verdict=MAYBE
            unknown risk       | risk=EXTREME
            page size too big  | pageSize=100000
            page zero          | page=0
            """)
    void shouldRejectBadFilter(String name, String query) throws Exception {
        Reply reply = get(server, "/api/v1/images/" + imageId + "/findings?" + query, reader);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).startsWith("Invalid").doesNotContain("SQL");
        assertThat(get(server, "/api/v1/images/" + imageId + "/findings", reader).json().path("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void shouldRejectOversizedUploadUnread() throws Exception {
        // The harness limit is 1 MiB; a declared 2 GiB body gets 413 before the server reads it.
        var socket = new java.net.Socket("127.0.0.1", server.port());
        try (socket) {
            socket.setSoTimeout(20_000);
            String head = "POST /api/v1/scans?project=shop&image=huge HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + writer + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2147483648\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[64 * 1024]);
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void shouldAnswerVexWithNotImplemented() throws Exception {
        Reply reply = get(server, "/api/v1/images/" + imageId + "/vex/openvex", reader);

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.json().path("error").asText()).contains("triage");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            registry.example/team/app:1.2  | 501
            /etc/passwd                    | 400
            oci:/tmp/layout                | 400
            http://registry.example/app    | 400
            """)
    void shouldCheckRegistryScanRequest(String reference, int expected) throws Exception {
        Reply reply = postJson(server, "/api/v1/registry-scans", writer, "{\"reference\":\"" + reference + "\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        assertThat(reply.json().path("error").asText()).isNotBlank();
    }

    @Test
    void shouldDiffTwoScans() throws Exception {
        Reply first = upload("shop/diffed", "staging", List.of(new Pkg("npm", "lodash", "4.17.15")));
        Reply second = upload("shop/diffed", "staging", List.of(new Pkg("npm", "lodash", "4.17.20"),
                new Pkg("npm", "express", "4.17.1")));

        JsonNode diff = get(server, "/api/v1/scans/" + first.json().path("id").asLong() + "/diff/"
                + second.json().path("id").asLong(), reader).json();

        assertThat(diff.path("added").size()).isEqualTo(1);
        assertThat(diff.path("added").get(0).path("vulnId").asText()).isEqualTo("CVE-2024-29041");
        assertThat(diff.path("resolved").size()).isEqualTo(1);
        assertThat(diff.path("resolved").get(0).path("vulnId").asText()).isEqualTo("CVE-2020-8203");
    }

    @Test
    void shouldLogNoKey() throws Exception {
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        var level = root.getLevel();
        appender.start();
        root.addAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            upload("shop/logged", "staging", List.of(new Pkg("npm", "lodash", "4.17.15")));
            get(server, "/api/v1/images", writer + "x");
            get(server, "/api/v1/audit-log", reader);
            key("logged-key", "read");
        } finally {
            root.setLevel(level);
            root.detachAppender(appender);
        }

        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(writer.substring(3)).doesNotContain(reader.substring(3))
                .doesNotContain(admin.substring(3)));
    }

    @Test
    void shouldAnswerHealthWithoutKey() throws Exception {
        assertThat(get(server, "/health/live", null).status()).isEqualTo(200);
        assertThat(get(server, "/health/ready", null).json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void shouldListEveryRouteInOpenApi() throws Exception {
        JsonNode paths = get(server, "/api/v1/openapi.json", null).json().path("paths");
        Set<String> documented = new HashSet<>();
        paths.properties().forEach(path -> path.getValue().properties()
                .forEach(op -> documented.add(op.getKey() + " " + path.getKey())));
        Set<String> registered = new HashSet<>();
        server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));

        assertThat(documented).containsAll(registered);
        assertThat(registered).containsAll(documented.stream().filter(d -> d.contains("/api/v1/")
                && !d.endsWith("openapi.json")).toList());
    }
}
