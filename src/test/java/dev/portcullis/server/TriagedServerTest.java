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
 * triage verdicts, risks and evidence, conditions that need a missing image config are unknown, and
 * VEX export works. Feeds: the GHSA records in ../shared/vulndata/ghsa/npm (CVE-2020-8203 has
 * AV:N/PR:N, CVE-2021-23337 has AV:N/PR:H).
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
            no-config | CVE-2021-23337 | AFFECTED  | absent | unknown: whether a port is published (AV:N) and which user and privileges the container runs with (PR:H), because no image config, Dockerfile or run settings were given
            no-port   | CVE-2020-8203  | LOW_RISK  | cvss   | the exploit needs network access (AV:N) and the image config publishes no port
            port-3000 | CVE-2020-8203  | AFFECTED  | cvss   | the deployment allows what CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H needs, as far as the image config tells
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
