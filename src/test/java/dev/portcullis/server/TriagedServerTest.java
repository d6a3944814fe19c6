package dev.portcullis.server;

import static dev.portcullis.server.ServerHarness.get;
import static dev.portcullis.server.ServerHarness.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.server.ServerHarness.Pkg;
import dev.portcullis.server.analysis.TriagingAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with the triage engine: findings carry triage verdicts, risks and evidence, and VEX export
 * works. Feeds: the GHSA records in ../shared/vulndata/ghsa/npm.
 */
class TriagedServerTest {

    @Test
    void shouldStoreTriageAndExportVex(@TempDir Path temp) throws Exception {
        try (PortcullisServer server = PortcullisServer.start(
                ServerHarness.config(temp, null, null, null, "triage-test"), new TriagingAnalyzer(Clock.systemUTC()))) {
            String admin = server.bootstrapKey().orElseThrow();
            postJson(server, "/api/v1/admin/vulndb/import", admin,
                    "{\"path\":\"" + Path.of("../shared/vulndata/ghsa/npm").toAbsolutePath() + "\"}");
            var uploaded = ServerHarness.send(server, "POST", "/api/v1/scans?project=shop&image=api", admin,
                    "application/json", ServerHarness.sbom("api", List.of(new Pkg("npm", "lodash", "4.17.15")))
                            .getBytes(StandardCharsets.UTF_8));
            long imageId = uploaded.json().path("imageId").asLong();

            JsonNode findings = get(server, "/api/v1/images/" + imageId + "/findings?cve=CVE-2020-8203", admin).json();
            JsonNode openVex = get(server, "/api/v1/images/" + imageId + "/vex/openvex", admin).json();
            JsonNode cycloneDx = get(server, "/api/v1/images/" + imageId + "/vex/cyclonedx", admin).json();

            assertThat(findings.path("total").asInt()).isEqualTo(1);
            JsonNode finding = findings.path("items").get(0);
            // A stored SBOM says nothing about how the container runs, so the network vector is not weighed.
            assertThat(finding.path("verdict").asText()).isEqualTo("AFFECTED");
            assertThat(finding.path("risk").asText()).isEqualTo("HIGH");
            JsonNode evidence = ServerHarness.MAPPER.readTree(finding.path("evidence").asText());
            assertThat(evidence.get(0).path("kind").asText()).isEqualTo("verdict");
            assertThat(evidence.get(0).path("reason").asText()).isEqualTo("lodash 4.17.15 is below the fixed version 4.17.19");
            assertThat(openVex.path("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
            List<String> names = new ArrayList<>();
            openVex.path("statements").forEach(s -> names.add(s.path("vulnerability").path("name").asText()
                    + " " + s.path("status").asText()));
            assertThat(names).containsExactlyInAnyOrder("CVE-2020-8203 affected", "CVE-2021-23337 affected");
            assertThat(cycloneDx.path("bomFormat").asText()).isEqualTo("CycloneDX");
            assertThat(cycloneDx.path("vulnerabilities").size()).isEqualTo(2);
        }
    }
}
