package dev.portcullis.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code lint} and {@code audit} through {@link Main#run} with the {@code --output},
 * {@code --quiet} and {@code --debug} options that {@code scan} has, on a Dockerfile and a compose
 * file written here.
 */
class LintAuditOptionsTest {

    // The ignore comment drops the HEALTHCHECK finding of the FROM line and logs that at debug level.
    private static final String DOCKERFILE = "# hadolint ignore=DL3057\nFROM node:20\nUSER root\n";
    private static final String COMPOSE = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    private Level originalLevel;

    @BeforeEach
    void keepLogLevel() {
        originalLevel = rootLogger().getLevel();
    }

    // --quiet and --debug set the level of the root logger, which lives as long as the JVM.
    @AfterEach
    void restoreLogLevel() {
        rootLogger().setLevel(originalLevel);
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Returns the arguments that check the file written here with one command, before the options. */
    private List<String> command(String name) throws IOException {
        return switch (name) {
            case "lint" -> List.of("lint", "--shellcheck", "off", Files.writeString(dir.resolve("Dockerfile"),
                    DOCKERFILE).toString());
            case "audit" -> List.of("audit", Files.writeString(dir.resolve("compose.yaml"), COMPOSE).toString());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private int run(String name, String... options) throws IOException {
        List<String> args = new ArrayList<>(command(name));
        args.addAll(List.of(options));
        return Main.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "lint,  $.files[0].findings[*].rule, PC-D002",
        "audit, $.findings[*].ruleId,        PC-A001",
    })
    void shouldWriteReportToOutputFile(String command, String path, String rule) throws IOException {
        Path report = dir.resolve("report.json");

        int exit = run(command, "--format", "json", "--output", report.toString());

        assertThat(exit).isEqualTo(ExitCode.FINDINGS);
        assertThat(streams.out()).isEmpty();
        assertThat(streams.err()).isEmpty();
        assertThatJson(Files.readString(report)).inPath(path).isArray().contains(rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lint", "audit"})
    void shouldPrintSameReportToStdoutAndOutputFile(String command) throws IOException {
        Path report = dir.resolve("report.txt");

        run(command, "-o", report.toString());
        int exit = run(command);

        assertThat(exit).isEqualTo(ExitCode.FINDINGS);
        assertThat(streams.out()).isNotEmpty().isEqualTo(Files.readString(report));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lint", "audit"})
    void shouldRejectOutputIntoFolder(String command) throws IOException {
        int exit = run(command, "--output", dir.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo("portcullis: error: cannot write " + dir + ": it is a folder; name a file, for"
                + " example " + dir.resolve("report.json") + System.lineSeparator());
        assertThat(streams.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "lint,  PC-D057 ignored at",
        "audit, Loaded 1 service from",
    })
    void shouldLogDebugDetailOnlyWithDebug(String command, String detail) throws IOException {
        int plain = run(command);
        String plainErr = streams.err();
        streams.reset();
        int debug = run(command, "--debug");

        assertThat(plainErr).doesNotContain(detail);
        assertThat(streams.err()).contains(detail);
        assertThat(debug).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lint", "audit"})
    void shouldLogErrorsOnlyWithQuiet(String command) throws IOException {
        int exit = run(command, "--quiet");

        assertThat(exit).isEqualTo(ExitCode.FINDINGS);
        assertThat(streams.out()).isNotEmpty();
        assertThat(streams.err()).isEmpty();
        assertThat(rootLogger().getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void shouldPrintStackTraceOnlyWithDebug() {
        String missing = dir.resolve("absent").toString();

        int plain = Main.run("lint", missing);
        String plainErr = streams.err();
        streams.reset();
        int debug = Main.run("lint", "--debug", missing);

        assertThat(plain).isEqualTo(ExitCode.USAGE);
        assertThat(debug).isEqualTo(ExitCode.USAGE);
        assertThat(plainErr).isEqualTo("portcullis: error: " + missing + ": file not found; pass the path of a"
                + " Dockerfile" + System.lineSeparator());
        assertThat(streams.err()).startsWith(plainErr).contains("UsageException").contains("\tat ");
    }

    @Test
    void shouldRejectAuditWithoutInputThroughMain() {
        int exit = Main.run("audit", "--quiet");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo("portcullis: error: nothing to audit: give COMPOSE_FILE, --docker-run,"
                + " --docker-run-file, --daemon-config or --image" + System.lineSeparator());
    }
}
