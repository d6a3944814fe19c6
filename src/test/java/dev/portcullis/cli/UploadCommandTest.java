package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs {@code portcullis upload} through {@link Main#run} against a stand-in server on 127.0.0.1
 * that responds to every upload with a fixed status, and checks the exit code and the error line.
 */
class UploadCommandTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Starts a server on a free loopback port that responds to every request with this status and body. */
    private String serverAnswering(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int upload(String serverUrl, String... options) throws IOException {
        Path sbom = Files.writeString(temp.resolve("sbom.json"), "{\"bomFormat\": \"CycloneDX\"}");
        String[] fixed = {"upload", sbom.toString(), "--server", serverUrl, "--image", "app"};
        String[] args = new String[fixed.length + options.length];
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(options, 0, args, fixed.length, options.length);
        return Main.run(args);
    }

    @Test
    void shouldPrintResponseOnSuccess() throws IOException {
        String url = serverAnswering(201, "{\"scan\": 7}");

        int exit = upload(url, "--api-key", "test-key");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(streams.out()).isEqualTo("{\"scan\": 7}" + System.lineSeparator());
        assertThat(streams.err()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({
        "401, invalid API key, 2",
        "413, SBOM too large,  2",
        "500, database down,   3",
    })
    void shouldNameStatusOfFailedUpload(int status, String body, int expectedExit) throws IOException {
        String url = serverAnswering(status, body);

        int exit = upload(url, "--api-key", "test-key");

        assertThat(exit).isEqualTo(expectedExit);
        assertThat(streams.err()).isEqualTo("portcullis: error: upload to " + url + " failed with HTTP " + status + ": " + body
                + System.lineSeparator());
    }

    @Test
    void shouldRejectMissingApiKey() throws IOException {
        int exit = upload("http://127.0.0.1:9", "--api-key-env", "PORTCULLIS_TEST_KEY_THAT_IS_NOT_SET");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo("portcullis: error: missing API key: set PORTCULLIS_TEST_KEY_THAT_IS_NOT_SET or"
                + " pass --api-key" + System.lineSeparator());
    }

    @Test
    void shouldRejectMissingSbomFile() {
        Path missing = temp.resolve("absent.json");

        int exit = Main.run("upload", missing.toString(), "--server", "http://127.0.0.1:9", "--image", "app",
                "--api-key", "test-key");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).startsWith("portcullis: error: " + missing + ": SBOM file not found;");
    }

    @Test
    void shouldRejectServerThatDoesNotListen() throws IOException {
        String url = serverAnswering(201, "");
        server.stop(0);
        server = null;

        int exit = upload(url, "--api-key", "test-key");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).startsWith("portcullis: error: upload to " + url + " failed (")
                .endsWith("): check --server and that the server is running" + System.lineSeparator());
        assertThat(streams.err()).doesNotContain("\tat ");
    }
}
