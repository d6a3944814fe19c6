package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.server.ServerHarness.Pkg;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load on the findings endpoint with wrk (Debian package wrk): 1,000 images, each with three findings
 * and 20 packages, on the embedded PostgreSQL. Runs only with -Dportcullis.bench.wrk=true (see
 * bench/server-bench.sh) and writes wrk's report to target/wrk-server.txt. Feeds:
 * ../shared/vulndata/ghsa/npm.
 */
@EnabledIfSystemProperty(named = "portcullis.bench.wrk", matches = "true")
class FindingsLoadBenchmark {

    @Test
    void shouldServeFindingsUnderLoad(@TempDir Path temp) throws Exception {
        try (PortcullisServer server = ServerHarness.start(ServerHarness.config(temp, null, null, null, "bench"))) {
            String admin = server.bootstrapKey().orElseThrow();
            ServerHarness.postJson(server, "/api/v1/admin/vulndb/import", admin,
                    "{\"path\":\"" + Path.of("../shared/vulndata/ghsa/npm").toAbsolutePath() + "\"}");
            for (int i = 0; i < 1000; i++) {
                List<Pkg> packages = new ArrayList<>(List.of(new Pkg("npm", "lodash", "4.17.15"),
                        new Pkg("npm", "express", "4.17.1")));
                for (int p = 0; p < 18; p++) {
                    packages.add(new Pkg("npm", "lib-" + p, "1." + (i % 5) + ".0"));
                }
                var reply = ServerHarness.send(server, "POST", "/api/v1/scans?project=bench&image=img-" + i
                        + "&tag=production", admin, "application/json",
                        ServerHarness.sbom("img-" + i, packages).getBytes(StandardCharsets.UTF_8));
                assertThat(reply.status()).isEqualTo(201);
            }
            String url = "http://127.0.0.1:" + server.port() + "/api/v1/images/500/findings?risk=HIGH&page=1&pageSize=50";
            assertThat(ServerHarness.get(server, "/api/v1/images/500/findings?risk=HIGH", admin).json()
                    .path("total").asInt()).isEqualTo(2);

            Process wrk = new ProcessBuilder("wrk", "-t2", "-c16", "-d20s", "--latency", "-H",
                    "Authorization: Bearer " + admin, url).redirectErrorStream(true).start();
            String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(wrk.waitFor()).isZero();
            // The key is in the command line only; wrk's report does not repeat headers.
            Files.writeString(Path.of("target", "wrk-server.txt"), report);
            assertThat(report).contains("Requests/sec");
        }
    }
}
