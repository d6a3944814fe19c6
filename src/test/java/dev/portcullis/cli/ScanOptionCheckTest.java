package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Runs {@code scan} on the bundled example image ({@code examples/demo-image}) with option combinations
 * that cannot work: a vulnerability gate without a database, a negative database age, upload options
 * without a server or key, and an incomplete {@code --docker-run} line. The environment is empty and the
 * home folder has no database, so the default database is missing.
 */
class ScanOptionCheckTest {

    private static final String IMAGE = "examples/demo-image";

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fail-on without database          | --fail-on high                   | --fail-on needs a vulnerability database to match findings against, and there is none at HOME/.cache/portcullis/vuln.db, so the gate cannot run: run `portcullis db update`
            fail-on-severity without database | --fail-on-severity critical      | --fail-on-severity needs a vulnerability database
            fail-on with skip-db              | --fail-on high --skip-db         | --fail-on fails on matched vulnerabilities, and --skip-db turns matching off; leave out one of the two
            fail-on-severity with skip-db     | --fail-on-severity low --skip-db | --fail-on-severity fails on matched vulnerabilities, and --skip-db turns matching off
            negative max-db-age               | --max-db-age -5 --skip-db        | invalid --max-db-age -5: expected 0 or more days
            server without API key            | --server http://127.0.0.1:9 --skip-db | missing API key for --server http://127.0.0.1:9: set the environment variable PORTCULLIS_API_KEY
            tag without server                | --tag production --skip-db       | --project, --image and --tag name the scan on a server and need --server URL
            server that is no URL             | --server ftp://127.0.0.1:9 --skip-db | expected an http or https URL such as http://127.0.0.1:8080
            server when offline               | --server http://127.0.0.1:9 --offline --skip-db | --server uploads over the network, which --offline rules out; leave out one of the two
            """)
    void shouldRejectBeforeScanning(String case_, String options, String message) {
        List<String> args = new ArrayList<>(List.of(IMAGE, "--format", "json"));
        args.addAll(List.of(options.split(" ")));

        int exit = scan(args);

        assertThat(exit).as(streams.err()).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).startsWith(Main.ERROR_PREFIX).contains(message.replace("HOME", home.toString()));
        assertThat(streams.err().lines()).hasSize(1);
        assertThat(streams.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            docker run --user                   | --docker-run: option --user has no value
            docker run -p                       | --docker-run: option -p has no value
            docker run --user node --read-only  | --docker-run: the docker run command names no image
            """)
    void shouldRejectIncompleteDockerRun(String line, String problem) {
        int exit = scan(List.of(IMAGE, "--format", "json", "--skip-db", "--quiet", "--docker-run", line));

        assertThat(exit).as(streams.err()).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo(Main.ERROR_PREFIX + problem + "; pass the whole command the container"
                + " runs with, for example --docker-run \"docker run --read-only --user node IMAGE\"\n");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void shouldRefuseRegistryImageWhenOffline() {
        int exit = scan(List.of("127.0.0.1:5999/team/app:1.4", "--offline", "--skip-db"));

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo(Main.ERROR_PREFIX + "127.0.0.1:5999/team/app:1.4 is a registry reference,"
                + " which --offline rules out: copy the image to a folder first (for example `skopeo copy"
                + " docker://127.0.0.1:5999/team/app:1.4 oci:image:latest`) and scan that, or leave out --offline\n");
    }

    private int scan(List<String> args) {
        PrintStream err = System.err;
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        CommandLine commandLine = Main.configure(new CommandLine(new ScanCommand(Map.of(), home, clock, err)));
        commandLine.setOut(new java.io.PrintWriter(System.out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args.toArray(String[]::new));
    }
}
