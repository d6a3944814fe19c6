package dev.portcullis.triage.reachability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.npm.PackageJsonCataloger;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.OpenedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReachabilityAnalyzerTest {

    private static final String MAIN = "/app/main.js";

    @TempDir
    Path root;

    @Test
    void shouldGiveUpAtAnEnvironmentRequire() throws Exception {
        Map<String, String> files = new HashMap<>(Map.of(
                MAIN, "const a = require('a');\nconst plugin = require(process.env.PLUGIN);\n"));
        addPackage(files, "/app/node_modules/a", "require('shared'); require('hidden');");
        addPackage(files, "/app/node_modules/a/node_modules/hidden", "");
        addPackage(files, "/app/node_modules/shared", "");
        addPackage(files, "/app/node_modules/b", "require('c');");
        addPackage(files, "/app/node_modules/c", "");

        ReachabilityReport report = analyze(files, List.of("node", "main.js"));

        assertThat(chainOf(report, "/app/node_modules/a")).containsExactly(
                new ImportStep(MAIN, 1, "a", "/app/node_modules/a/index.js"));
        assertThat(report.forPackageJson("/app/node_modules/shared/package.json").orElseThrow())
                .isInstanceOf(Reachability.Reached.class);
        assertThat(report.forPackageJson("/app/node_modules/a/node_modules/hidden/package.json").orElseThrow())
                .isInstanceOf(Reachability.Reached.class);
        UndeterminedLoad cause = new UndeterminedLoad(MAIN, 2, "require(process.env.PLUGIN) with a computed specifier",
                List.of());
        assertThat(causesOf(report, "/app/node_modules/b")).containsExactly(cause);
        assertThat(causesOf(report, "/app/node_modules/c")).containsExactly(cause);
        assertThat(cause.location()).isEqualTo("/app/main.js:2");
    }

    @Test
    void shouldSkipPackagesHiddenByANearerOne() throws Exception {
        Map<String, String> files = new HashMap<>(Map.of(MAIN, "require('a');"));
        addPackage(files, "/app/node_modules/a", "module.exports = (name) => require(name.toLowerCase());");
        addPackage(files, "/app/node_modules/a/node_modules/dup", "");
        addPackage(files, "/app/node_modules/dup", "");
        addPackage(files, "/app/node_modules/other", "");

        ReachabilityReport report = analyze(files, List.of("node", "main.js"));

        UndeterminedLoad cause = causesOf(report, "/app/node_modules/a/node_modules/dup").getFirst();
        assertThat(cause.location()).isEqualTo("/app/node_modules/a/index.js:1");
        assertThat(cause.chain()).containsExactly(new ImportStep(MAIN, 1, "a", "/app/node_modules/a/index.js"));
        assertThat(causesOf(report, "/app/node_modules/other")).containsExactly(cause);
        assertThat(report.forPackageJson("/app/node_modules/dup/package.json").orElseThrow())
                .isInstanceOf(Reachability.NotReached.class);
    }

    static Stream<Arguments> callSitePrograms() {
        return Stream.of(
                Arguments.of("same file", Map.of(MAIN, "function load(n) { return require(n); }\nload('x');"),
                        "REACHED /app/main.js:1 x", "NOT_REACHED"),
                Arguments.of("exported helper", Map.of(
                        MAIN, "const u = require('./util');\n(0, u.load)('x', 'why');",
                        "/app/util.js", "exports.load = load;\nfunction load(name, why) {\n  return require(name);\n}"),
                        "REACHED /app/util.js:3 x", "NOT_REACHED"),
                Arguments.of("expression arrow", Map.of(MAIN, "const load = (n) => require(n);\nload('y');"),
                        "NOT_REACHED", "REACHED /app/main.js:1 y"),
                Arguments.of("computed argument", Map.of(MAIN,
                        "function load(n) { return require(n); }\nload('x');\nload(process.argv[2]);"),
                        "REACHED /app/main.js:1 x",
                        "POSSIBLY_REACHED /app/main.js:1 require(n) of a parameter of load, and the call at"
                                + " /app/main.js:3 passes a computed value"),
                Arguments.of("no call", Map.of(MAIN, "function load(n) { return require(n); }"),
                        "POSSIBLY_REACHED /app/main.js:1 require(n) of a parameter of load, and no call of load was"
                                + " found",
                        "POSSIBLY_REACHED /app/main.js:1 require(n) of a parameter of load, and no call of load was"
                                + " found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callSitePrograms")
    void shouldResolveParameterRequiresFromCallSites(String name, Map<String, String> program, String expectedX,
            String expectedY) throws Exception {
        Map<String, String> files = new HashMap<>(program);
        addPackage(files, "/app/node_modules/x", "");
        addPackage(files, "/app/node_modules/y", "");

        ReachabilityReport report = analyze(files, List.of("node", "main.js"));

        assertThat(summary(report, "/app/node_modules/x")).isEqualTo(expectedX);
        assertThat(summary(report, "/app/node_modules/y")).isEqualTo(expectedY);
    }

    @Test
    void shouldWarnAboutAnUnparsableFile() throws Exception {
        Map<String, String> files = new HashMap<>(Map.of(MAIN, "require('./broken');",
                "/app/broken.js", "require('x');\nconst s = 'open;"));
        addPackage(files, "/app/node_modules/x", "");

        ReachabilityReport report = analyze(files, List.of("node", "main.js"));

        assertThat(report.warnings()).containsExactly("cannot parse /app/broken.js: unterminated string at line 2;"
                + " the packages it could load count as possibly reached");
        assertThat(summary(report, "/app/node_modules/x"))
                .isEqualTo("POSSIBLY_REACHED /app/broken.js:0 not parsed: unterminated string at line 2");
    }

    @Test
    void shouldStopAtTheByteLimit() throws Exception {
        Map<String, String> files = new HashMap<>(Map.of(MAIN, "require('x');"));
        addPackage(files, "/app/node_modules/x", "require('y');");
        addPackage(files, "/app/node_modules/y", "");

        ReachabilityReport report = analyze(files, List.of("node", "main.js"), new ReachabilityOptions(20, 3));

        assertThat(report.bytesScanned()).isEqualTo(13);
        assertThat(report.warnings()).containsExactly("stopped reading JavaScript after 13 bytes (limit 20);"
                + " packages loadable from unread files count as possibly reached");
        assertThat(summary(report, "/app/node_modules/x")).isEqualTo("REACHED /app/main.js:1 x");
        assertThat(summary(report, "/app/node_modules/y")).isEqualTo(
                "POSSIBLY_REACHED /app/node_modules/x/index.js:0 not read: the limit of 20 bytes of source was reached");
    }

    @Test
    void shouldPossiblyReachAllWithoutEntryPoint() throws Exception {
        Map<String, String> files = new HashMap<>(Map.of(MAIN, "require('x');"));
        addPackage(files, "/app/node_modules/x", "");

        ReachabilityReport report = analyze(files, List.of("bash"));

        assertThat(report.entryPoints()).isEmpty();
        assertThat(report.warnings()).containsExactly(
                "no Node.js script found in the image command 'bash'; give the entry points explicitly");
        assertThat(summary(report, "/app/node_modules/x"))
                .isEqualTo("POSSIBLY_REACHED (image config):0 no entry point to start from");
    }

    private static void addPackage(Map<String, String> files, String folder, String index) {
        String name = folder.substring(folder.lastIndexOf('/') + 1);
        files.put(folder + "/package.json", "{\"name\": \"" + name + "\", \"version\": \"1.0.0\"}");
        files.put(folder + "/index.js", index);
    }

    private ReachabilityReport analyze(Map<String, String> files, List<String> cmd) throws Exception {
        return analyze(files, cmd, ReachabilityOptions.defaults());
    }

    private ReachabilityReport analyze(Map<String, String> files, List<String> cmd, ReachabilityOptions options)
            throws Exception {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, null, List.of(), List.of(), List.of(), cmd,
                "/app", null, Map.of(), List.of());
        try (OpenedImage image = TestRootfs.open(root, files)) {
            List<Package> packages = new PackageJsonCataloger().catalog(
                    new CatalogContext(image.files(), Distro.UNKNOWN, List.of(), skipped -> { }));
            return new ReachabilityAnalyzer(options).analyze(image.files(), config, packages);
        }
    }

    private static List<ImportStep> chainOf(ReachabilityReport report, String folder) {
        return ((Reachability.Reached) report.forPackageJson(folder + "/package.json").orElseThrow()).chain();
    }

    private static List<UndeterminedLoad> causesOf(ReachabilityReport report, String folder) {
        return ((Reachability.PossiblyReached) report.forPackageJson(folder + "/package.json").orElseThrow())
                .causes();
    }

    /** Returns the status with the last import step or the first cause, as one comparable line. */
    private static String summary(ReachabilityReport report, String folder) {
        return switch (report.forPackageJson(folder + "/package.json").orElseThrow()) {
            case Reachability.Reached reached -> "REACHED " + reached.chain().getLast().file() + ":"
                    + reached.chain().getLast().line() + " " + reached.chain().getLast().specifier();
            case Reachability.PossiblyReached possibly -> "POSSIBLY_REACHED " + possibly.causes().getFirst().location()
                    + " " + possibly.causes().getFirst().reason();
            case Reachability.NotReached notReached -> "NOT_REACHED";
        };
    }
}
