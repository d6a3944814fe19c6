package dev.portcullis.triage.reachability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.OpenedImage;
import dev.portcullis.triage.reachability.ScannedModule.ImportKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeModuleResolverTest {

    private static final String MAIN = "/app/main.js";

    @TempDir
    static Path root;

    private static OpenedImage image;
    private static NodeModuleResolver resolver;

    @BeforeAll
    static void writeApplication() throws Exception {
        image = TestRootfs.open(root, Map.ofEntries(
                Map.entry(MAIN, ""),
                Map.entry("/app/package.json", """
                        {"name": "app", "imports": {"#internal/*": "./lib/*.js", "#dep": "plain"},
                         "exports": {"./helper": "./lib/helper.js"}}"""),
                Map.entry("/app/lib/index.js", ""),
                Map.entry("/app/lib/helper.js", ""),
                Map.entry("/app/data.json", "{}"),
                Map.entry("/app/node_modules/plain/package.json", """
                        {"name": "plain", "main": "lib/entry"}"""),
                Map.entry("/app/node_modules/plain/lib/entry.js", ""),
                Map.entry("/app/node_modules/plain/node_modules/shadow/index.js", ""),
                Map.entry("/app/node_modules/shadow/index.js", ""),
                Map.entry("/app/node_modules/shadow/extra.cjs", ""),
                Map.entry("/app/node_modules/jsononly/index.json", "{}"),
                Map.entry("/app/node_modules/exp/package.json", """
                        {"name": "exp", "main": "./ignored.js", "exports": {
                          ".": {"import": "./esm/index.mjs", "require": "./cjs/index.js"},
                          "./feature": {"browser": "./feature-browser.js", "node": "./feature-node.js",
                                        "default": "./feature.js"},
                          "./utils/*": "./src/utils/*.js",
                          "./utils/private/*": null,
                          "./package.json": "./package.json"}}"""),
                Map.entry("/app/node_modules/exp/esm/index.mjs", ""),
                Map.entry("/app/node_modules/exp/cjs/index.js", ""),
                Map.entry("/app/node_modules/exp/ignored.js", ""),
                Map.entry("/app/node_modules/exp/feature-node.js", ""),
                Map.entry("/app/node_modules/exp/feature.js", ""),
                Map.entry("/app/node_modules/exp/src/utils/text.js", ""),
                Map.entry("/app/node_modules/exp/src/utils/private/key.js", ""),
                Map.entry("/app/node_modules/@scope/sugar/package.json", """
                        {"name": "@scope/sugar", "exports": "./main.js"}"""),
                Map.entry("/app/node_modules/@scope/sugar/main.js", ""),
                Map.entry("/node_modules/global/index.js", "")));
        resolver = new NodeModuleResolver(image.files(), List.of());
    }

    @AfterAll
    static void closeImage() {
        image.close();
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of(MAIN, "fs", ImportKind.REQUIRE, "builtin fs"),
                Arguments.of(MAIN, "node:fs/promises", ImportKind.IMPORT, "builtin fs/promises"),
                Arguments.of(MAIN, "node:test", ImportKind.REQUIRE, "builtin test"),
                Arguments.of(MAIN, "./lib", ImportKind.REQUIRE, "/app/lib/index.js"),
                Arguments.of(MAIN, "./lib/helper", ImportKind.REQUIRE, "/app/lib/helper.js"),
                Arguments.of(MAIN, "/app/lib/helper.js", ImportKind.REQUIRE, "/app/lib/helper.js"),
                Arguments.of("/app/lib/index.js", "../data", ImportKind.REQUIRE, "/app/data.json"),
                Arguments.of(MAIN, "./data.json", ImportKind.IMPORT, "/app/data.json"),
                Arguments.of(MAIN, "./missing", ImportKind.REQUIRE, "not found"),
                Arguments.of(MAIN, "plain", ImportKind.REQUIRE, "/app/node_modules/plain/lib/entry.js"),
                Arguments.of(MAIN, "jsononly", ImportKind.REQUIRE, "/app/node_modules/jsononly/index.json"),
                Arguments.of(MAIN, "shadow/extra", ImportKind.REQUIRE, "/app/node_modules/shadow/extra.cjs"),
                Arguments.of(MAIN, "shadow", ImportKind.REQUIRE, "/app/node_modules/shadow/index.js"),
                Arguments.of("/app/node_modules/plain/lib/entry.js", "shadow", ImportKind.REQUIRE,
                        "/app/node_modules/plain/node_modules/shadow/index.js"),
                Arguments.of(MAIN, "global", ImportKind.REQUIRE, "/node_modules/global/index.js"),
                Arguments.of(MAIN, "exp", ImportKind.REQUIRE, "/app/node_modules/exp/cjs/index.js"),
                Arguments.of(MAIN, "exp", ImportKind.IMPORT, "/app/node_modules/exp/esm/index.mjs"),
                Arguments.of(MAIN, "exp/feature", ImportKind.REQUIRE, "/app/node_modules/exp/feature-node.js"),
                Arguments.of(MAIN, "exp/utils/text", ImportKind.REQUIRE, "/app/node_modules/exp/src/utils/text.js"),
                Arguments.of(MAIN, "exp/utils/private/key", ImportKind.REQUIRE, "not found"),
                Arguments.of(MAIN, "exp/ignored", ImportKind.REQUIRE, "not found"),
                Arguments.of(MAIN, "exp/package.json", ImportKind.REQUIRE, "/app/node_modules/exp/package.json"),
                Arguments.of(MAIN, "@scope/sugar", ImportKind.IMPORT, "/app/node_modules/@scope/sugar/main.js"),
                Arguments.of(MAIN, "@scope/sugar/main.js", ImportKind.IMPORT, "not found"),
                Arguments.of(MAIN, "#internal/helper", ImportKind.REQUIRE, "/app/lib/helper.js"),
                Arguments.of(MAIN, "#dep", ImportKind.REQUIRE, "/app/node_modules/plain/lib/entry.js"),
                Arguments.of(MAIN, "#unmapped", ImportKind.REQUIRE, "not found"),
                Arguments.of("/app/lib/index.js", "app/helper", ImportKind.REQUIRE, "/app/lib/helper.js"),
                Arguments.of(MAIN, "absent", ImportKind.REQUIRE, "not found"));
    }

    @ParameterizedTest(name = "{1} ({2}) from {0} -> {3}")
    @MethodSource("resolutions")
    void shouldResolveLikeNode(String from, String specifier, ImportKind kind, String expected) {
        Resolution resolution = resolver.resolve(from, specifier, kind);

        String actual = switch (resolution) {
            case Resolution.Builtin builtin -> "builtin " + builtin.name();
            case Resolution.ModuleFile file -> file.path();
            case Resolution.NotFound notFound -> "not found";
        };
        assertThat(actual).isEqualTo(expected);
    }
}
