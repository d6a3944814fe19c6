package dev.portcullis.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.portcullis.lint.shellcheck.ShellCheck;
import org.junit.jupiter.api.Assumptions;
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
        CommandLine command = Main.configure(new CommandLine(new LintCommand()));
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

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            error   | warning only | 0
            warning | warning only | 1
            info    | warning only | 1
            error   | error        | 1
            warning | info only    | 0
            info    | info only    | 1
            """)
    void shouldSetExitCodeByFailOn(String failOn, String content, int expected) throws IOException {
        String text = switch (content) {
            case "warning only" -> "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl"
                    + " && rm -rf /var/lib/apt/lists/*\nUSER app\n";
            case "error" -> "FROM debian:12\nWORKDIR app\nUSER app\n";
            default -> "FROM debian:12\nUSER app\n";
        };
        Path file = write("Dockerfile", text);

        int exit = run("--shellcheck", "off", "--fail-on", failOn, file.toString());

        assertThat(exit).as(out.toString()).isEqualTo(expected);
    }

    @Test
    void shouldWriteGitLabCodeQuality() throws IOException {
        Path file = write("Dockerfile", "FROM node:20\nUSER root\n");

        int exit = run("--format", "gitlab", file.toString());

        assertThat(exit).isEqualTo(1);
        String report = out.toString();
        assertThatJson(report).inPath("[?(@.check_name == 'PC-D002')].severity").isArray().containsExactly("major");
        assertThatJson(report).inPath("[?(@.check_name == 'PC-D002')].location.path").isArray().containsExactly(file.toString());
        assertThatJson(report).inPath("[?(@.check_name == 'PC-D002')].location.lines.begin").isArray().containsExactly(2);
        assertThatJson(report).inPath("[?(@.check_name == 'PC-D002')].description").isArray()
                .containsExactly("PC-D002: The image should not run as root: end the final stage with a non-root USER");
        assertThatJson(report).inPath("[?(@.check_name == 'PC-D002')].fingerprint").isArray().singleElement().asString()
                .matches("[0-9a-f]{64}");
    }

    @Test
    void shouldDescribeRulesInSarif() throws IOException {
        Path file = write("Dockerfile", "FROM node:20\nUSER root\n");

        run("--format", "sarif", file.toString());

        String sarif = out.toString();
        assertThatJson(sarif).inPath("runs[0].tool.driver.rules[?(@.id == 'PC-D002')].helpUri").isArray()
                .containsExactly("https://github.com/portcullis-dev/portcullis/blob/main/docs/rules/PC-D002.md");
        assertThatJson(sarif).inPath("runs[0].tool.driver.rules[?(@.id == 'PC-D002')].help.text").isArray().singleElement()
                .asString().contains("root");
        assertThatJson(sarif).inPath("runs[0].results[?(@.ruleId == 'PC-D002')].locations[0].physicalLocation.region.endLine")
                .isArray().containsExactly(2);
    }

    @Test
    void shouldFindConfigUpTheTree() throws IOException {
        write(".portcullis.yaml", "lint:\n  rules:\n    DL3008: off\n");
        Path nested = Files.createDirectories(dir.resolve("services/api"));
        Path file = nested.resolve("Dockerfile");
        Files.writeString(file, "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n");

        run("--shellcheck", "off", "--format", "json", file.toString());

        assertThat(out.toString()).doesNotContain("PC-D008").contains("PC-D015");
    }

    @Test
    void shouldPreferNearestConfig() throws IOException {
        write(".portcullis.yaml", "lint:\n  rules:\n    DL3008: off\n");
        Path nested = Files.createDirectories(dir.resolve("api"));
        Files.writeString(nested.resolve(".portcullis.yaml"), "lint:\n  rules:\n    DL3015: off\n");
        Path file = nested.resolve("Dockerfile");
        Files.writeString(file, "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n");

        run("--shellcheck", "off", "--format", "json", file.toString());

        assertThat(out.toString()).contains("PC-D008").doesNotContain("PC-D015");
    }

    @Test
    void shouldLintTargetAsFinalStage() throws IOException {
        Path file = write("Dockerfile", "FROM node:20 AS build\nUSER root\nRUN npm ci\nFROM node:20-slim\nUSER node\n");

        run("--shellcheck", "off", "--format", "json", file.toString());
        String whole = out.toString();
        out.getBuffer().setLength(0);
        run("--shellcheck", "off", "--format", "json", "--target", "build", file.toString());
        String target = out.toString();

        assertThatJson(whole).inPath("files[0].findings[?(@.rule == 'PC-D002')]").isArray().isEmpty();
        assertThatJson(target).inPath("files[0].findings[?(@.rule == 'PC-D002')].line").isArray().containsExactly(2);
    }

    @Test
    void shouldRejectUnknownTarget() throws IOException {
        Path file = write("Dockerfile", "FROM node:20 AS build\nFROM node:20-slim\n");

        int exit = run("--target", "test", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(file + ": no stage named test; use one of [build] or a stage index from 0 to 1");
    }

    @Test
    void shouldReportShellCheckFindings() throws IOException {
        Assumptions.assumeTrue(ShellCheck.onPath().isPresent(), "shellcheck is not on the PATH");
        Path file = write("Dockerfile", "FROM debian:12\nUSER app\nRUN mkdir -p /app && \\\n    echo $HOME\n");

        run("--format", "json", file.toString());
        String withShellCheck = out.toString();
        out.getBuffer().setLength(0);
        run("--format", "json", "--shellcheck", "off", file.toString());
        String without = out.toString();

        assertThatJson(withShellCheck).inPath("files[0].findings[?(@.rule == 'SC2086')].line").isArray().containsExactly(4);
        assertThatJson(withShellCheck).inPath("files[0].findings[?(@.rule == 'SC2086')].column").isArray().containsExactly(10);
        assertThatJson(withShellCheck).inPath("files[0].findings[?(@.rule == 'SC2086')].severity").isArray().containsExactly("info");
        assertThat(without).doesNotContain("SC2086");
    }

    @Test
    void shouldHonourIgnoreCommentForShellCheck() throws IOException {
        Assumptions.assumeTrue(ShellCheck.onPath().isPresent(), "shellcheck is not on the PATH");
        Path file = write("Dockerfile", "FROM debian:12\nUSER app\n# hadolint ignore=SC2086\nRUN echo $HOME\n");

        run("--format", "json", file.toString());

        assertThat(out.toString()).doesNotContain("SC2086");
    }

    @Test
    void shouldConfigureShellCheckCodes() throws IOException {
        Assumptions.assumeTrue(ShellCheck.onPath().isPresent(), "shellcheck is not on the PATH");
        Path file = write("Dockerfile", "FROM debian:12\nUSER app\nRUN echo $HOME $undefined_name\n");
        Path config = write("lint.yaml", "lint:\n  rules:\n    SC2086: off\n    SC2154: error\n");

        int exit = run("--format", "json", "--config", config.toString(), file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("SC2086");
        assertThatJson(out.toString()).inPath("files[0].findings[?(@.rule == 'SC2154')].severity").isArray().containsExactly("error");
    }

    @Test
    void shouldAttributeShellCheckFindingsToTheirFile() throws IOException {
        Assumptions.assumeTrue(ShellCheck.onPath().isPresent(), "shellcheck is not on the PATH");
        Path clean = write("clean.Dockerfile", "FROM debian:12\nUSER app\nRUN echo \"$HOME\"\n");
        Path bash = write("bash.Dockerfile", "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nUSER app\n\nRUN echo $HOME\n");

        run("--format", "json", clean.toString(), bash.toString());

        assertThatJson(out.toString()).inPath("files[0].findings[?(@.rule =~ /SC.*/)]").isArray().isEmpty();
        assertThatJson(out.toString()).inPath("files[1].findings[?(@.rule == 'SC2086')].line").isArray().containsExactly(5);
    }
}
