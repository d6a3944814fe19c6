package dev.portcullis.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.feed.FeedImport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Runs {@code portcullis base} as a user would, on a database imported from the shared files
 * {@code ../shared/vulndata/distro} (node-releases schedule, distro-info-data, debian-security-support)
 * and {@code ../shared/vulndata/nodejs/security-wg/core/index.json}, plus this module's lifecycle
 * fixtures in {@code src/test/resources/vulndb/lifecycle} (a Node.js versions index built in the
 * nodejs.org {@code index.json} format, consistent with the security working group's patched versions).
 */
class BaseCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Path database;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void importLifecycleData() throws Exception {
        database = shared.resolve("vuln.db");
        new FeedImport(Clock.fixed(NOW, ZoneOffset.UTC)).run(database, List.of(
                Path.of("../shared/vulndata/distro"),
                Path.of("../shared/vulndata/nodejs/security-wg/core/index.json"),
                Path.of("src/test/resources/vulndb/lifecycle")), Optional.empty());
    }

    // --quiet and --debug set the root logger's level, so each test puts it back for the tests after it.
    private final ch.qos.logback.classic.Logger rootLogger =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ch.qos.logback.classic.Level rootLevel = rootLogger.getLevel();

    @AfterEach
    void restoreRootLogLevel() {
        rootLogger.setLevel(rootLevel);
    }

    @Test
    void shouldReportNode20EndOfLife() throws Exception {
        Path dockerfile = write("FROM node:20.18.0-bookworm-slim\nRUN npm ci\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("Base images of " + dockerfile + " as of 2026-12-04")
                .contains(dockerfile + ":1  node:20.18.0-bookworm-slim")
                .contains("runtime  nodejs 20 (iron) at 20.18.0: END OF LIFE since 2026-04-30")
                .contains("newest 20.20.2 (2026-03-24, security release); a newer patch exists")
                .contains("security releases since 20.18.0: 20.18.2, 20.19.2, 20.19.4, 20.20.0, 20.20.2")
                .contains("20 runtime advisories fixed since 20.18.0:")
                .contains("NSWG-COR-147  CVE-2025-23083  fixed in 20.18.2  high")
                .contains("NSWG-COR-171  CVE-2026-21717  fixed in 20.20.2  medium")
                .contains("22 (jod): maintenance, end of life 2027-04-30")
                .contains("24 (krypton): maintenance, end of life 2028-04-30")
                .contains("26 (lithium): active LTS, maintenance from 2027-10-20, end of life 2029-04-30")
                .contains("distro   debian 12 (bookworm): regular security support ended 2026-07-11; LTS until 2028-06-30")
                .contains("13 (trixie): security support until 2028-08-09, LTS until 2030-06-30");
    }

    @Test
    void shouldWriteJson() throws Exception {
        Path dockerfile = write("FROM node:20.18.0-bookworm-slim\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--format", "json");

        assertThat(exit).isZero();
        String json = out.toString();
        assertThatJson(json).inPath("asOf").isEqualTo("2026-12-04");
        assertThatJson(json).inPath("images[0].endOfLife").isEqualTo(true);
        assertThatJson(json).inPath("images[0].outdated").isEqualTo(true);
        assertThatJson(json).inPath("images[0].tag.reference").isEqualTo("""
                {"registry": "docker.io", "repository": "library/node", "tag": "20.18.0-bookworm-slim"}""");
        assertThatJson(json).inPath("images[0].tag.variants").isEqualTo("[\"slim\"]");
        assertThatJson(json).inPath("images[0].runtime.line.phase").isEqualTo("END_OF_LIFE");
        assertThatJson(json).inPath("images[0].runtime.line.endOfLife").isEqualTo("2026-04-30");
        assertThatJson(json).inPath("images[0].runtime.line.source").isEqualTo("node-release-schedule");
        assertThatJson(json).inPath("images[0].runtime.newestPatch").isEqualTo("""
                {"version": "20.20.2", "released": "2026-03-24", "security": true}""");
        assertThatJson(json).inPath("images[0].runtime.advisoriesFixedSince").isArray().hasSize(20);
        assertThatJson(json).inPath("images[0].runtime.advisoriesFixedSince[19]").isEqualTo("""
                {"id": "NSWG-COR-171", "cves": ["CVE-2026-21717"], "fixedIn": "20.20.2", "severity": "medium"}""");
        assertThatJson(json).inPath("images[0].runtime.supportedLines[*].line").isEqualTo("[\"22\", \"24\", \"26\"]");
        assertThatJson(json).inPath("images[0].runtime.supportedLines[*].phase")
                .isEqualTo("[\"MAINTENANCE\", \"MAINTENANCE\", \"ACTIVE_LTS\"]");
        assertThatJson(json).inPath("images[0].distro.release.phase").isEqualTo("LTS");
        assertThatJson(json).inPath("images[0].distro.release.endOfLife").isEqualTo("2026-07-11");
        assertThatJson(json).inPath("images[0].distro.release.ltsEnd").isEqualTo("2028-06-30");
        assertThatJson(json).inPath("images[0].distro.release.source").isEqualTo("distro-info");
    }

    @ParameterizedTest(name = "{0} --as-of {1} --fail-on {2}")
    @CsvSource(textBlock = """
            node:20.18.0-bookworm-slim, 2026-12-04, eol,      1
            node:20.18.0-bookworm-slim, 2026-12-04, outdated, 1
            node:20.18.0-bookworm-slim, 2025-01-01, eol,      0
            node:20.18.0-bookworm-slim, 2025-01-01, outdated, 1
            node:20.18.0-bookworm-slim, 2024-10-04, outdated, 0
            node:24.15.0-trixie-slim,   2026-12-04, eol,      0
            node:24.15.0-trixie-slim,   2026-12-04, outdated, 0
            node:24.14.1-trixie-slim,   2026-12-04, eol,      0
            node:24.14.1-trixie-slim,   2026-12-04, outdated, 1
            node:24-trixie,             2026-12-04, outdated, 0
            node:lts-alpine3.20,        2026-12-04, eol,      1
            node:lts-alpine3.22,        2026-12-04, eol,      0
            debian:bookworm-slim,       2026-12-04, eol,      0
            debian:11,                  2026-12-04, eol,      1
            ubuntu:jammy,               2026-12-04, eol,      0
            redis:7-alpine,             2026-12-04, eol,      0
            redis:7-alpine,             2026-12-04, outdated, 0
            """)
    void shouldExitByFailOn(String image, String asOf, String failOn, int expected) throws Exception {
        Path dockerfile = write("FROM " + image + "\n");

        int exit = run(dockerfile.toString(), "--as-of", asOf, "--fail-on", failOn);

        assertThat(exit).as(out.toString()).isEqualTo(expected);
        assertThat(err.toString()).isEqualTo(expected == 0 ? "" : "portcullis: --fail-on " + failOn + ": a base image is "
                + (failOn.equals("eol") ? "at end of life" : "outdated") + ", so the exit code is 1\n");
    }

    @Test
    void shouldRejectFailOnWithoutLifecycleData() throws Exception {
        Path empty = temp.resolve("empty.db");
        new FeedImport(Clock.fixed(NOW, ZoneOffset.UTC)).run(empty,
                List.of(Path.of("../shared/vulndata/ghsa/npm/GHSA-p6mc-m468-83gw.json")), Optional.empty());
        Path dockerfile = write("FROM node:20.18.0-bookworm-slim\n");

        int exit = run(dockerfile.toString(), "--db", empty.toString(), "--as-of", "2026-12-04", "--fail-on", "eol");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--fail-on eol cannot judge debian, nodejs: the database has no lifecycle"
                + " data for them");
    }

    @Test
    void shouldExitZeroWithoutFailOn() throws Exception {
        Path dockerfile = write("FROM node:20.18.0-bookworm-slim\n");

        assertThat(run(dockerfile.toString(), "--as-of", "2026-12-04")).isZero();
    }

    @Test
    void shouldJudgeAsOfToday() throws Exception {
        Path dockerfile = write("FROM node:20.18.0-bookworm-slim\n");

        run(dockerfile.toString());

        assertThat(out.toString()).contains("as of 2026-12-04");
    }

    @Test
    void shouldResolveArgsAndSkipStages() throws Exception {
        Path dockerfile = write("""
                ARG NODE_VERSION=20.18.0
                ARG DISTRO=bookworm
                FROM node:${NODE_VERSION}-${DISTRO}-slim AS build
                RUN npm ci
                FROM build AS test
                FROM scratch AS empty
                FROM debian:${DISTRO}-slim
                COPY --from=build /app /app
                """);

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--format", "json");

        assertThat(exit).isZero();
        String json = out.toString();
        assertThatJson(json).inPath("images[*].reference").isEqualTo("[\"node:20.18.0-bookworm-slim\", \"debian:bookworm-slim\"]");
        assertThatJson(json).inPath("images[0].origin").isEqualTo(dockerfile + ":3 (stage build)");
        assertThatJson(json).inPath("images[1].origin").isEqualTo(dockerfile + ":7");
        assertThatJson(json).inPath("images[1].distro.release.line").isEqualTo("\"12\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no build argument           | -                   | node:20.18.0-bookworm-slim
            version replaced            | NODE_VERSION=22.22.2 | node:22.22.2-bookworm-slim
            undeclared name ignored     | OTHER=1             | node:20.18.0-bookworm-slim
            """)
    void shouldApplyBuildArgs(String name, String buildArg, String expected) throws Exception {
        Path dockerfile = write("ARG NODE_VERSION=20.18.0\nARG DISTRO=bookworm\nFROM node:${NODE_VERSION}-${DISTRO}-slim\n");
        List<String> arguments = new java.util.ArrayList<>(List.of(dockerfile.toString(), "--as-of", "2026-12-04", "--format", "json"));
        if (!buildArg.equals("-")) {
            arguments.addAll(List.of("--build-arg", buildArg));
        }

        int exit = run(arguments.toArray(String[]::new));

        assertThat(exit).isZero();
        assertThatJson(out.toString()).inPath("images[0].reference").isEqualTo("\"" + expected + "\"");
    }

    @Test
    void shouldJudgeImageFromOciLayout() {
        int exit = run("../shared/fixtures/images/demo-nest-api/oci:demo-nest-api", "--as-of", "2026-12-04", "--format", "json",
                "--fail-on", "eol");

        assertThat(exit).as(err.toString()).isEqualTo(1);
        String json = out.toString();
        assertThatJson(json).inPath("images[0].runtime.pinnedVersion").isEqualTo("\"20.20.2\"");
        assertThatJson(json).inPath("images[0].runtime.outdated").isEqualTo(false);
        assertThatJson(json).inPath("images[0].runtime.line.phase").isEqualTo("END_OF_LIFE");
        assertThatJson(json).inPath("images[0].distro.release.line").isEqualTo("\"12\"");
        assertThatJson(json).inPath("images[0].distro.release.phase").isEqualTo("LTS");
        assertThatJson(json).inPath("images[0].distro.limitedPackages").isArray().isEmpty();
        assertThatJson(json).inPath("images[0].notes").isEqualTo(
                "[\"the image has no org.opencontainers.image.base.name label; judged from its content only\"]");
    }

    @Test
    void shouldReadGoToolchainFromRootFilesystem() throws Exception {
        Path root = temp.resolve("rootfs");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");
        Path go = Files.createDirectories(root.resolve("usr/local/go/bin")).resolve("go");
        Files.write(go, dev.portcullis.catalog.golang.GoTestBinary.inline(64, "go1.22.3",
                "path\tcmd/go\nmod\tcmd\t(devel)\t\nbuild\tGOOS=linux\n"));
        Path tool = Files.createDirectories(root.resolve("usr/local/bin")).resolve("server");
        Files.write(tool, dev.portcullis.catalog.golang.GoTestBinary.inline(64, "go1.21.0",
                "path\texample.com/server\nmod\texample.com/server\tv1.0.0\t\n"));
        for (Path binary : List.of(go, tool)) {
            Files.setPosixFilePermissions(binary, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        int exit = run(root.toString(), "--as-of", "2026-12-04", "--format", "json");

        assertThat(exit).as(err.toString()).isZero();
        String json = out.toString();
        assertThatJson(json).inPath("images[0].runtime.product").isEqualTo("\"go\"");
        assertThatJson(json).inPath("images[0].runtime.versionAsWritten").isEqualTo("\"1.22.3\"");
        assertThatJson(json).inPath("images[0].runtime.versionSource").isEqualTo("\"binary /usr/local/go/bin/go\"");
    }

    @Test
    void shouldNoteArgWithoutDefault() throws Exception {
        Path dockerfile = write("ARG TAG\nFROM node:${TAG}\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--fail-on", "eol");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("note     the reference node:${TAG} uses a build argument without a default");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            redis:7-alpine | unknown image docker.io/library/redis: tag 7-alpine, digest (none)
            ghcr.io/acme/app:1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | unknown image ghcr.io/acme/app: tag 1.2, digest sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            Node:20 | "Node:20" is not a valid image reference
            """)
    void shouldReportUnknownImage(String image, String note) throws Exception {
        Path dockerfile = write("FROM " + image + "\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--fail-on", "outdated");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("note     " + note);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            only RUN        | RUN echo hi\\n                | has no FROM instruction, so it names no base image
            empty           | ''                            | the file contains no instructions
            binary          | FROM node:20\\0\\n             | binary content (a NUL byte)
            """)
    void shouldRejectUnusableDockerfile(String name, String text, String message) throws Exception {
        Path dockerfile = write(text.translateEscapes());

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("portcullis: error: ").contains(message);
    }

    @Test
    void shouldRejectMissingDockerfile() {
        String missing = temp.resolve("Dockerfile.missing").toString();

        int exit = run(missing, "--as-of", "2026-12-04");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("portcullis: error: " + missing + ": file not found; pass the path of a Dockerfile or an image"
                + System.lineSeparator());
    }

    @Test
    void shouldWriteOutputFile() throws Exception {
        Path dockerfile = write("FROM node:20.18.0-bookworm-slim\n");
        Path report = temp.resolve("base.json");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--format", "json", "--output", report.toString(),
                "--quiet");

        assertThat(exit).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
        assertThatJson(Files.readString(report)).inPath("images[0].runtime.line.phase").isEqualTo("END_OF_LIFE");
    }

    @Test
    void shouldRejectOutputFolder() throws Exception {
        Path dockerfile = write("FROM node:20.18.0-bookworm-slim\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--output", temp.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("portcullis: error: cannot write " + temp + ": it is a folder; name a file");
    }

    @Test
    void shouldPrintStackTraceWithDebug() {
        String missing = temp.resolve("Dockerfile.missing").toString();

        int exit = run(missing, "--as-of", "2026-12-04", "--debug");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("portcullis: error: " + missing + ": file not found")
                .contains("dev.portcullis.cli.UsageException")
                .contains("at dev.portcullis.cli.BaseCommand.readDockerfile");
    }

    @Test
    void shouldRejectBadDate() throws Exception {
        Path dockerfile = write("FROM node:20\n");

        int exit = run(dockerfile.toString(), "--as-of", "04.12.2026");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of 04.12.2026 is not a date: write it as YYYY-MM-DD");
    }

    @Test
    void shouldRejectMissingDatabase() throws Exception {
        Path dockerfile = write("FROM node:20\n");
        BaseCommand command = new BaseCommand(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), temp.resolve("home"));
        CommandLine commandLine = Main.configure(new CommandLine(command));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute(dockerfile.toString(), "--db", temp.resolve("none.db").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no vulnerability database at").contains("portcullis db update");
    }

    private Path write(String text) throws Exception {
        Path file = temp.resolve("Dockerfile");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... arguments) {
        BaseCommand command = new BaseCommand(Clock.fixed(NOW, ZoneOffset.UTC), Map.of("PORTCULLIS_DB", database.toString()),
                temp.resolve("home"));
        CommandLine commandLine = Main.configure(new CommandLine(command));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
