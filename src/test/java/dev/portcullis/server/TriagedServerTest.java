package dev.portcullis.server;

import static dev.portcullis.server.ServerHarness.get;
import static dev.portcullis.server.ServerHarness.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.server.ServerHarness.Pkg;
import dev.portcullis.server.analysis.CycloneDxInventoryReader;
import dev.portcullis.server.analysis.TriagingAnalyzer;
import dev.portcullis.server.client.ScanUploader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server with the triage engine, as {@code portcullis serve} runs by default: findings carry
 * triage verdicts, risks and evidence, conditions that need a missing config are unknown (an image
 * config alone does not lower the network vector either), and VEX export works. Feeds: the GHSA
 * records in ../shared/vulndata/ghsa/npm (CVE-2020-8203 and CVE-2021-23337, both AV:N).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriagedServerTest {

    private PortcullisServer server;
    private String admin;
    private final Map<String, Long> images = new java.util.HashMap<>();

    @BeforeAll
    void startServer() throws Exception {
        Path data = Files.createTempDirectory("triaged-server");
        server = PortcullisServer.start(ServerHarness.config(data, null, null, null, "triage-test"),
                new TriagingAnalyzer(Clock.systemUTC()));
        admin = server.bootstrapKey().orElseThrow();
        postJson(server, "/api/v1/admin/vulndb/import", admin,
                "{\"path\":\"" + Path.of("../shared/vulndata/ghsa/npm").toAbsolutePath() + "\"}");

        images.put("no-config", uploadWithout("no-config"));
        images.put("no-port", uploadWith("no-port", List.of()));
        images.put("port-3000", uploadWith("port-3000", List.of("3000/tcp")));
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no-config | CVE-2020-8203  | AFFECTED  | absent | unknown: whether a port is published (AV:N), because no image config, Dockerfile or run settings were given
            no-config | CVE-2021-23337 | AFFECTED  | absent | unknown: whether a port is published (AV:N), because no image config, Dockerfile or run settings were given
            no-port   | CVE-2020-8203  | AFFECTED  | cvss   | how the container runs is unknown (no compose file or docker run command given), so CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H is not weighed
            port-3000 | CVE-2020-8203  | AFFECTED  | cvss   | how the container runs is unknown (no compose file or docker run command given), so CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H is not weighed
            """)
    void shouldTriageByConfigPresence(String image, String cve, String verdict, String kind, String fact)
            throws Exception {
        JsonNode findings = get(server, "/api/v1/images/" + images.get(image) + "/findings?cve=" + cve, admin).json();

        assertThat(findings.path("total").asInt()).isEqualTo(1);
        JsonNode finding = findings.path("items").get(0);
        assertThat(finding.path("verdict").asText()).isEqualTo(verdict);
        List<String> facts = new ArrayList<>();
        ServerHarness.MAPPER.readTree(finding.path("evidence").asText())
                .forEach(item -> facts.add(item.path("kind").asText() + ": " + item.path("fact").asText()));
        assertThat(facts).contains(kind + ": " + fact);
    }

    @Test
    void shouldExportVexOfUploadedSbom() throws Exception {
        long imageId = images.get("no-config");

        JsonNode openVex = get(server, "/api/v1/images/" + imageId + "/vex/openvex", admin).json();
        JsonNode cycloneDx = get(server, "/api/v1/images/" + imageId + "/vex/cyclonedx", admin).json();

        assertThat(openVex.path("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        List<String> names = new ArrayList<>();
        openVex.path("statements").forEach(s -> names.add(s.path("vulnerability").path("name").asText()
                + " " + s.path("status").asText()));
        assertThat(names).containsExactlyInAnyOrder("CVE-2020-8203 affected", "CVE-2021-23337 affected");
        assertThat(cycloneDx.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(cycloneDx.path("vulnerabilities").size()).isEqualTo(2);
    }

    @Test
    void shouldExportActiveDecisionsInVex() throws Exception {
        long imageId = uploadWithout("decided");
        String decisions = "/api/v1/images/" + imageId + "/decisions";
        long active = postJson(server, decisions, admin, """
                {"vulnId":"CVE-2020-8203","packageName":"lodash","verdict":"NOT_AFFECTED",
                 "justification":"vulnerable_code_not_in_execute_path",
                 "reason":"merge is never called on user input","expiresAt":"2099-01-01T00:00:00Z"}""")
                .json().path("id").asLong();
        postJson(server, decisions, admin, """
                {"vulnId":"CVE-2021-23337","packageName":"lodash","verdict":"NOT_AFFECTED",
                 "justification":"vulnerable_code_not_present","reason":"expired already",
                 "expiresAt":"2001-01-01T00:00:00Z"}""");
        JsonNode recorded = get(server, decisions, admin).json().path("items").get(0);
        String decidedAt = recorded.path("createdAt").asText();

        JsonNode openVex = get(server, "/api/v1/images/" + imageId + "/vex/openvex", admin).json();
        JsonNode cycloneDx = get(server, "/api/v1/images/" + imageId + "/vex/cyclonedx", admin).json();

        JsonNode decided = statement(openVex, "CVE-2020-8203");
        assertThat(decided.path("status").asText()).isEqualTo("not_affected");
        assertThat(decided.path("justification").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
        assertThat(decided.path("impact_statement").asText())
                .isEqualTo("statement by bootstrap-admin in decision " + active + ": merge is never called on user input");
        assertThat(decided.path("timestamp").asText()).isEqualTo(decidedAt);
        assertThat(decided.path("status_notes").asText()).startsWith("analyst decision " + active
                + " by bootstrap-admin at ").contains(", expires 2099-01-01T00:00:00Z. Portcullis verdict not_affected");
        JsonNode expired = statement(openVex, "CVE-2021-23337");
        assertThat(expired.path("status").asText()).isEqualTo("affected");
        assertThat(expired.path("timestamp").asText()).isEqualTo("2026-12-01T10:00:00Z");

        JsonNode vulnerability = vulnerability(cycloneDx, "CVE-2020-8203");
        assertThat(vulnerability.path("analysis").path("state").asText()).isEqualTo("not_affected");
        assertThat(vulnerability.path("analysis").path("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(java.time.Instant.parse(vulnerability.path("analysis").path("firstIssued").asText())
                .getEpochSecond()).isEqualTo(java.time.Instant.parse(decidedAt).getEpochSecond());
        List<String> properties = new ArrayList<>();
        vulnerability.path("properties").forEach(p -> properties.add(p.path("name").asText() + "="
                + p.path("value").asText()));
        assertThat(properties).contains("portcullis:decision:author=bootstrap-admin",
                "portcullis:decision:id=" + active, "portcullis:verdict=not_affected");
        JsonNode stillAffected = vulnerability(cycloneDx, "CVE-2021-23337");
        assertThat(stillAffected.path("analysis").path("state").asText()).isEqualTo("exploitable");
        assertThat(stillAffected.path("analysis").has("firstIssued")).isFalse();
    }

    private static JsonNode statement(JsonNode openVex, String cve) {
        for (JsonNode statement : openVex.path("statements")) {
            if (statement.path("vulnerability").path("name").asText().equals(cve)) {
                return statement;
            }
        }
        throw new AssertionError("No OpenVEX statement for " + cve + " in " + openVex);
    }

    private static JsonNode vulnerability(JsonNode bom, String cve) {
        for (JsonNode vulnerability : bom.path("vulnerabilities")) {
            if (vulnerability.path("id").asText().equals(cve)) {
                return vulnerability;
            }
        }
        throw new AssertionError("No CycloneDX vulnerability " + cve + " in " + bom);
    }

    private long uploadWithout(String image) throws Exception {
        var reply = ServerHarness.send(server, "POST", "/api/v1/scans?project=shop&image=" + image, admin,
                "application/json", sbom(image).getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().path("imageId").asLong();
    }

    /** Uploads as the CLI does, with the image config in the SBOM. */
    private long uploadWith(String image, List<String> exposedPorts) throws Exception {
        Inventory read = new CycloneDxInventoryReader().read(sbom(image).getBytes(StandardCharsets.UTF_8), image);
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, "node", List.of("SECRET=do-not-send"),
                exposedPorts, List.of(), List.of("node", "server.js"), "/app", null, Map.of(), List.of());
        Inventory scanned = new Inventory(new ImageMetadata(image, null, null, null, List.of(), config, List.of()),
                read.distro(), read.packages(), List.of(), read.scannedAt(), read.toolVersion());
        byte[] document = ScanUploader.document(scanned);
        assertThat(new String(document, StandardCharsets.UTF_8)).doesNotContain("SECRET");

        var reply = new ScanUploader(URI.create("http://127.0.0.1:" + server.port()), admin)
                .upload("shop", image, List.of(), document);

        assertThat(reply.status()).isEqualTo(201);
        return ServerHarness.MAPPER.readTree(reply.body()).path("imageId").asLong();
    }

    private static String sbom(String image) {
        return ServerHarness.sbom(image, List.of(new Pkg("npm", "lodash", "4.17.15")));
    }
}
