package dev.portcullis.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LintCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new LintCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shouldExitOneOnWarnings() throws IOException {
        Path file = write("Dockerfile", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n");

        int exit = run(file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(file + ":2:1").contains("PC-D008 (DL3008)").contains("warning");
    }

    @Test
    void shouldExitZeroBelowFailOn() throws IOException {
        Path file = write("Dockerfile", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n");

        int exit = run("--fail-on", "error", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("PC-D008");
    }

    @Test
    void shouldWriteJson() throws IOException {
        Path file = write("Dockerfile", "FROM node:20\nUSER root\n");

        run("--format", "json", file.toString());

        assertThatJson(out.toString()).inPath("files[0].findings[?(@.rule == 'PC-D002')]").isArray().hasSize(1);
        assertThatJson(out.toString()).inPath("files[0].findings[?(@.rule == 'PC-D002')].line").isArray().containsExactly(2);
        assertThatJson(out.toString()).inPath("files[0].findings[?(@.rule == 'PC-D002')].hadolint").isArray().containsExactly("DL3002");
    }

    @Test
    void shouldWriteSarif() throws IOException {
        Path file = write("Dockerfile", "FROM node:20\nUSER root\n");

        run("--format", "sarif", file.toString());

        assertThatJson(out.toString()).node("version").isEqualTo("2.1.0");
        assertThatJson(out.toString()).node("runs[0].tool.driver.name").isEqualTo("portcullis");
        assertThatJson(out.toString()).inPath("runs[0].results[?(@.ruleId == 'PC-D002')].locations[0].physicalLocation.region.startLine")
                .isArray().containsExactly(2);
        assertThatJson(out.toString()).inPath("runs[0].results[?(@.ruleId == 'PC-D002')].level").isArray().containsExactly("warning");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unterminated heredoc | 'FROM alpine:3.20\\nRUN <<EOF\\necho hi\\n'        | :2:1: unterminated heredoc
            unknown instruction  | 'FROM alpine:3.20\\nRUNN echo hi\\n'                | :2:1: unknown instruction: RUNN
            empty file           | ''                                                | :1:1: the file contains no instructions
            only comments        | '# nothing here\\n'                                | :1:1: the file contains no instructions
            env without value    | 'FROM alpine:3.20\\nENV PATH\\n'                   | :2:1: ENV: ENV must have two arguments
            invalid escape       | '# escape=x\\nFROM alpine:3.20\\n'                 | :1:1: invalid escape character "x"
            nested json          | 'FROM alpine:3.20\\nCMD [ "echo", [ "x" ] ]\\n'    | :2:1: CMD: JSON arguments must be an array of strings
            """)
    void shouldRejectUnusableInput(String name, String text, String expected) throws IOException {
        Path file = write("Dockerfile", text.replace("\\n", "\n"));

        int exit = run(file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(file + expected);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRejectBinaryFile() throws IOException {
        Path file = dir.resolve("Dockerfile");
        Files.write(file, new byte[] {'F', 'R', 'O', 'M', ' ', 'a', '\n', 0, 1, 2, (byte) 0xff});

        int exit = run(file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":1:1: the file is not UTF-8 text");
    }

    @Test
    void shouldRejectNulByteInText() throws IOException {
        Path file = write("Dockerfile", "FROM a\nRUN x\0y\n");

        int exit = run(file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":2:6: binary content");
    }

    @Test
    void shouldLintOneMegabyteLine() throws IOException {
        Path file = write("Dockerfile", "FROM debian:12\nUSER app\nRUN echo " + "x".repeat(1024 * 1024) + "\n");

        int exit = run("--fail-on", "error", file.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldLintPathologicalLines() throws IOException {
        String spaces = " ".repeat(1024 * 1024);
        Path file = write("Dockerfile", "#a=x" + spaces + "\nFROM debian:12\nUSER app\n" + "ONBUILD ".repeat(100_000) + "RUN x\n");

        int exit = run("--format", "json", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("PC-D043");
    }

    @Test
    void shouldRejectMissingFile() {
        int exit = run(dir.resolve("absent").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("absent: file not found");
    }

    @Test
    void shouldApplyConfigFile() throws IOException {
        Path file = write("Dockerfile", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n");
        Path config = write("lint.yaml", "lint:\n  rules:\n    DL3008: off\n    PC-D015: error\n");

        int exit = run("--format", "json", "--config", config.toString(), file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("PC-D008");
        assertThatJson(out.toString()).inPath("files[0].findings[?(@.rule == 'PC-D015')].severity").isArray().containsExactly("error");
    }

    @Test
    void shouldRejectInvalidConfig() throws IOException {
        Path file = write("Dockerfile", "FROM debian:12\n");
        Path config = write("lint.yaml", "rules: [DL3008]\n");

        int exit = run("--config", config.toString(), file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("lint.yaml: rules must be a mapping");
    }
}
