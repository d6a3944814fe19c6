package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.server.PortcullisServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.analysis.MatchingAnalyzer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code portcullis upload} against a server on 127.0.0.1 with its embedded PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadServerTest {

    private static final String SBOM = """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"timestamp":"2026-12-01T10:00:00Z","component":{"type":"container","name":"api",
               "properties":[{"name":"portcullis:image:config","value":"included"},
                             {"name":"portcullis:image:exposedPort","value":"3000/tcp"}]}},
             "components":[{"type":"library","name":"lodash","version":"4.17.15","purl":"pkg:npm/lodash@4.17.15"}]}""";

    @TempDir
    static Path folder;

    private PortcullisServer server;
    private String admin;

    @BeforeAll
    void startServer() throws Exception {
        server = PortcullisServer.start(new ServerConfig("127.0.0.1", 0, folder.resolve("data"), null, null, null,
                folder.resolve("vuln.db"), 1024 * 1024, null, Duration.ofMillis(200), "upload-test"),
                new MatchingAnalyzer());
        admin = server.bootstrapKey().orElseThrow();
        Files.writeString(folder.resolve("app.cdx.json"), SBOM);
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            stored        | app.cdx.json  | admin | 0 | imageId
            wrong key     | app.cdx.json  | wrong | 2 | failed with HTTP 401
            missing file  | none.cdx.json | admin | 2 | SBOM file not found
            """)
    void shouldReportUploadOutcome(String case_, String file, String key, int exitCode, String output) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = Main.configure(new picocli.CommandLine(new UploadCommand()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute(folder.resolve(file).toString(), "--server", "http://127.0.0.1:" + server.port(),
                "--api-key", key.equals("admin") ? admin : "pc_wrong", "--project", "shop", "--image", "api",
                "--tag", "production");

        assertThat(exit).as(err.toString()).isEqualTo(exitCode);
        assertThat(exitCode == 0 ? out.toString() : err.toString()).contains(output);
    }
}
