package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds broken Dockerfiles to {@code portcullis lint} through {@link Main#run}, as a user runs it:
 * input BuildKit rejects exits 2 with {@code file:line:column} and a reason on stderr and no stack
 * trace, and input BuildKit accepts is linted.
 */
class LintBadInputTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unterminated heredoc | 'FROM alpine:3.20\\nRUN <<EOF\\necho hi\\n' | :2:1: unterminated heredoc: add a line containing only EOF
            unknown instruction  | 'FROM alpine:3.20\\nRUNN echo hi\\n'         | :2:1: unknown instruction: RUNN
            empty file           | ''                                         | :1:1: the file contains no instructions
            """)
    void shouldRejectUnusableText(String name, String text, String expected) throws IOException {
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, text.replace("\\n", "\n"));

        int exit = Main.run("lint", "--shellcheck", "off", file.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).contains(file + expected);
        assertThat(streams.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void shouldRejectBinaryFile() throws IOException {
        Path file = dir.resolve("Dockerfile");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Files.write(file, png);

        int exit = Main.run("lint", file.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).contains(file + ":1:1: the file is not UTF-8 text; save the Dockerfile as UTF-8");
        assertThat(streams.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void shouldLintOneMegabyteLine() throws IOException {
        Path file = dir.resolve("Dockerfile");
        String label = "LABEL description=\"" + "x".repeat(1024 * 1024) + "\"\n";
        Files.writeString(file, "FROM debian:12.8\n" + label + "RUN apt-get install -y curl\nUSER 1000\n");

        int exit = Main.run("lint", "--shellcheck", "off", "--fail-on", "info", file.toString());

        assertThat(exit).isEqualTo(ExitCode.FINDINGS);
        assertThat(streams.out()).contains(file + ":3:1").contains("PC-D008");
        assertThat(streams.err()).isEmpty();
    }

    @Test
    void shouldNameMissingFile() {
        int exit = Main.run("lint", dir.resolve("absent").toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).contains("absent: file not found; pass the path of a Dockerfile");
    }
}
