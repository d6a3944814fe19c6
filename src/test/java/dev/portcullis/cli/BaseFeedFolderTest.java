package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code portcullis base} on the bundled example Dockerfile, with {@code --db} naming the example
 * feed folder, which the check imports into a temporary database.
 */
class BaseFeedFolderTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldJudgeExampleDockerfileFromFeedFolder() {
        BaseCommand command = new BaseCommand(Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC),
                Map.of(), home);
        CommandLine commandLine = Main.configure(new CommandLine(command));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("examples/Dockerfile", "--db", "examples/vulndb", "--as-of", "2026-12-04",
                "--fail-on", "eol", "--quiet");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("examples/Dockerfile:7 (stage build)  node:20-bookworm-slim")
                .contains("examples/Dockerfile:33  gcr.io/distroless/nodejs20-debian12")
                .contains("  variant  distroless")
                .contains("  note     the image name's line 20 floats within nodejs 20")
                .contains("runtime  nodejs 20 (iron) at 20: END OF LIFE since 2026-04-30")
                .contains("distro   debian 12 (bookworm): regular security support ended 2026-07-11;"
                        + " LTS until 2028-06-30");
    }
}
