package dev.portcullis.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.fixtures.TarBuilder;
import dev.portcullis.image.registry.LocalRegistry;
import dev.portcullis.vulndb.feed.FeedImport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Runs {@code portcullis base --registry-check} and {@code --compare-to} against a real
 * {@code docker-registry} on 127.0.0.1, filled with small node-like images this test writes: a
 * stand-in node binary, an os-release and npm packages whose versions differ per tag. The
 * database is imported from the shared folders {@code ../shared/vulndata/distro} (Node.js release
 * schedule, distro-info-data) and {@code ../shared/vulndata/ghsa/npm} (lodash CVE-2020-8203 fixed
 * in 4.17.19 and CVE-2021-23337 fixed in 4.17.21, express CVE-2024-29041 fixed in 4.19.2; the
 * matcher reports each by its CVE alias), plus this module's lifecycle fixtures in
 * {@code src/test/resources/vulndb/lifecycle}.
 */
class BaseRegistryCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String BOOKWORM = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION_CODENAME=bookworm
            ID=debian
            """;
    private static final String ALPINE = "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n";

    @TempDir
    static Path work;

    private static LocalRegistry registry;
    private static ImagePusher pusher;
    private static Path database;
    private static String node;

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startRegistry() throws Exception {
        LocalRegistry.assumeInstalled();
        database = work.resolve("vuln.db");
        new FeedImport(Clock.fixed(NOW, ZoneOffset.UTC)).run(database, List.of(
                Path.of("../shared/vulndata/distro"),
                Path.of("../shared/vulndata/ghsa/npm"),
                Path.of("src/test/resources/vulndb/lifecycle")), Optional.empty());
        registry = LocalRegistry.start(work.resolve("registry"), Files.createDirectories(work.resolve("storage")), "");
        pusher = new ImagePusher(registry.endpoint());
        node = registry.endpoint() + "/library/node";
        pushNode("library/node", "20.18.0-bookworm-slim", BOOKWORM, "20.18.0", Map.of("lodash", "4.17.15"));
        pushNode("library/node", "20.20.2-bookworm-slim", BOOKWORM, "20.20.2", Map.of("lodash", "4.17.19", "express", "4.17.1"));
        pushNode("library/node", "22.12.0-bookworm-slim", BOOKWORM, "22.12.0", Map.of("lodash", "4.17.21"));
        pushNode("library/node", "20.20.2-alpine3.20", ALPINE, "20.20.2", Map.of());
        pushNode("library/node", "20-bookworm-slim", BOOKWORM, "20.20.2", Map.of());
    }

    @AfterAll
    static void stopRegistry() {
        if (pusher != null) {
            pusher.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldRecommendNewerTagsOfSameVariant() throws Exception {
        Path dockerfile = write("FROM " + node + ":20.18.0-bookworm-slim\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--registry-check", "--format", "json");

        assertThat(exit).as(err.toString()).isZero();
        String json = out.toString();
        assertThatJson(json).inPath("images[0].upstream.newerTags")
                .isEqualTo("[\"22.12.0-bookworm-slim\", \"20.20.2-bookworm-slim\"]");
        assertThatJson(json).inPath("images[0].upstream.rebuilt").isEqualTo(false);
        assertThatJson(json).inPath("images[0].upstream.currentDigest").isAbsent();
        assertThatJson(json).inPath("images[0].runtime.line.phase").isEqualTo("END_OF_LIFE");
        assertThatJson(json).inPath("images[0].notes").isEqualTo("[\"the reference pins no digest, so a rebuild of"
                + " 20.18.0-bookworm-slim is not detected\"]");
    }

    @Test
    void shouldPrintNewerTagsInTable() throws Exception {
        Path dockerfile = write("FROM " + node + ":22.12.0-bookworm-slim\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--registry-check");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("  tags     no newer tag of the same variant in the registry\n")
                .doesNotContain("  digest   ");
    }

    @ParameterizedTest(name = "pinned by {0}")
    @CsvSource(textBlock = """
            dockerfile
            label
            """)
    void shouldReportRebuiltDigest(String pin) throws Exception {
        String repository = "rebuild-" + pin + "/library/node";
        String tag = registry.endpoint() + "/" + repository + ":22.22.3-bookworm-slim";
        String first = pushNode(repository, "22.22.3-bookworm-slim", BOOKWORM, "22.22.3", Map.of("lodash", "4.17.19"));
        String target = pinnedTarget(pin, tag, first);

        int before = run(target, "--as-of", "2026-12-04", "--registry-check", "--format", "json", "--fail-on", "outdated");
        String beforeJson = out.toString();
        String second = pushNode(repository, "22.22.3-bookworm-slim", BOOKWORM, "22.22.3", Map.of("lodash", "4.17.21"));
        out.getBuffer().setLength(0);
        int after = run(target, "--as-of", "2026-12-04", "--registry-check", "--fail-on", "outdated");

        assertThat(second).isNotEqualTo(first);
        assertThat(before).as(err.toString()).isZero();
        assertThatJson(beforeJson).inPath("images[0].upstream.pinnedDigest").isEqualTo(first);
        assertThatJson(beforeJson).inPath("images[0].upstream.currentDigest").isEqualTo(first);
        assertThatJson(beforeJson).inPath("images[0].upstream.rebuilt").isEqualTo(false);
        assertThat(after).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("  digest   rebuilt upstream since " + first + "; the tag now points at "
                + second + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            20.20.2-bookworm-slim | CVE-2020-8203                | CVE-2024-29041 | CVE-2021-23337
            22.12.0-bookworm-slim | CVE-2020-8203 CVE-2021-23337 | -              | -
            20.18.0-bookworm-slim | -                            | -              | CVE-2020-8203 CVE-2021-23337
            """)
    void shouldCountVulnerabilityDifference(String candidate, String fixed, String added, String unchanged)
            throws Exception {
        Path app = write("FROM " + node + ":20.18.0-bookworm-slim\n");

        int exit = run(app.toString(), "--as-of", "2026-12-04", "--compare-to", node + ":" + candidate, "--format", "json",
                "--cache-dir", temp.resolve("cache").toString());

        assertThat(exit).as(err.toString()).isZero();
        String json = out.toString();
        assertThatJson(json).inPath("images[0].comparison.current").isEqualTo(node + ":20.18.0-bookworm-slim");
        assertThatJson(json).inPath("images[0].comparison.candidate").isEqualTo(node + ":" + candidate);
        assertThatJson(json).inPath("images[0].comparison.fixed").isEqualTo(idArray(fixed));
        assertThatJson(json).inPath("images[0].comparison.added").isEqualTo(idArray(added));
        assertThatJson(json).inPath("images[0].comparison.unchanged").isEqualTo(idArray(unchanged));
    }

    @Test
    void shouldCompareFinalStageInTable() throws Exception {
        Path dockerfile = write("FROM " + node + ":22.12.0-bookworm-slim AS build\nFROM " + node + ":20.18.0-bookworm-slim\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--compare-to", node + ":20.20.2-bookworm-slim",
                "--cache-dir", temp.resolve("cache").toString());

        assertThat(exit).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("  compare  moving to " + node + ":20.20.2-bookworm-slim: 1 fixed, 1 added, 1 unchanged\n"
                + "           fixed: CVE-2020-8203\n"
                + "           added: CVE-2024-29041\n"
                + "           unchanged: CVE-2021-23337\n");
        assertThat(text.indexOf("  compare  ")).isGreaterThan(text.indexOf(dockerfile + ":2  "));
        assertThat(text.split("  compare  ", -1)).hasSize(2);
    }

    @Test
    void shouldRejectMissingCompareImage() throws Exception {
        Path dockerfile = write("FROM " + node + ":20.18.0-bookworm-slim\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--compare-to", node + ":absent");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("portcullis: error: Image " + node + ":absent not found on registry "
                + registry.endpoint());
    }

    @Test
    void shouldPreferNodeBinaryOverEnv() throws Exception {
        byte[] layer = nodeLayer(BOOKWORM, "20.18.0", Map.of());
        pusher.push("app", "1", layer, List.of("NODE_VERSION=20.17.0"),
                Map.of("org.opencontainers.image.base.name", node + ":20.18.0-bookworm-slim"));

        int exit = run(registry.endpoint() + "/app:1", "--as-of", "2026-12-04", "--format", "json",
                "--cache-dir", temp.resolve("cache").toString());

        assertThat(exit).as(err.toString()).isZero();
        String json = out.toString();
        assertThatJson(json).inPath("images[0].runtime.pinnedVersion").isEqualTo("\"20.18.0\"");
        assertThatJson(json).inPath("images[0].runtime.versionSource")
                .isEqualTo("\"binary /usr/local/bin/node (ENV NODE_VERSION is 20.17.0)\"");
        assertThatJson(json).inPath("images[0].runtime.newestPatch.version").isEqualTo("\"20.20.2\"");
    }

    @Test
    void shouldNoteUnreachableRegistry() throws Exception {
        String closed = "127.0.0.1:" + LocalRegistry.freePort();
        Path dockerfile = write("FROM " + closed + "/library/node:20.18.0-bookworm-slim@sha256:"
                + "0".repeat(64) + "\n");

        int exit = run(dockerfile.toString(), "--as-of", "2026-12-04", "--registry-check", "--format", "json",
                "--insecure-registry", closed);

        assertThat(exit).as(err.toString()).isZero();
        String json = out.toString();
        assertThatJson(json).inPath("images[0].upstream.newerTags").isArray().isEmpty();
        assertThatJson(json).inPath("images[0].notes[0]").asString()
                .startsWith("the tags of library/node were not looked up: Cannot connect to registry " + closed);
        assertThatJson(json).inPath("images[0].notes[1]").asString()
                .startsWith("the current digest of 20.18.0-bookworm-slim was not looked up: Cannot connect to registry "
                        + closed);
    }

    private String pinnedTarget(String pin, String tag, String digest) throws Exception {
        if (pin.equals("dockerfile")) {
            return write("FROM " + tag + "@" + digest + "\n").toString();
        }
        String appRepository = "app-" + pin;
        pusher.push(appRepository, "1", nodeLayer(BOOKWORM, "22.22.3", Map.of()), List.of(),
                Map.of("org.opencontainers.image.base.name", tag, "org.opencontainers.image.base.digest", digest));
        return registry.endpoint() + "/" + appRepository + ":1";
    }

    private static String pushNode(String repository, String tag, String osRelease, String version,
            Map<String, String> npmPackages) throws Exception {
        return pusher.push(repository, tag, nodeLayer(osRelease, version, npmPackages), List.of("NODE_VERSION=" + version),
                Map.of());
    }

    private static byte[] nodeLayer(String osRelease, String version, Map<String, String> npmPackages) {
        TarBuilder tar = TarBuilder.tar()
                .file("etc/os-release", osRelease)
                .file("usr/local/bin/node", ImagePusher.nodeBinary(version));
        npmPackages.forEach((name, packageVersion) -> tar.file("usr/local/lib/node_modules/" + name + "/package.json",
                "{\"name\":\"" + name + "\",\"version\":\"" + packageVersion + "\"}"));
        return tar.build();
    }

    private static String idArray(String ids) {
        List<String> quoted = new ArrayList<>();
        if (ids != null) {
            for (String id : ids.split(" ")) {
                quoted.add("\"" + id + "\"");
            }
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(temp, "", ".Dockerfile");
        Files.writeString(file, text);
        return file;
    }

    private int run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--db", database.toString(), "--insecure-registry", registry.endpoint()));
        if (!all.contains("--cache-dir")) {
            all.addAll(List.of("--cache-dir", temp.resolve("cache").toString()));
        }
        CommandLine command = Main.configure(new CommandLine(new BaseCommand(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), temp)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(all.toArray(String[]::new));
    }
}
