package dev.portcullis.triage.reachability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.OpenedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryPointFinderTest {

    private static final String NPM_CLI = "/usr/local/lib/node_modules/npm/bin/npm-cli.js";

    @TempDir
    static Path root;

    private static OpenedImage image;

    @BeforeAll
    static void writeImage() throws Exception {
        image = TestRootfs.open(root, Map.of(
                "/app/package.json", """
                        {"scripts": {"start": "node server/index.js --port 3000",
                                     "serve": "NODE_ENV=production node -r dotenv/config dist/app.js && echo done"}}""",
                NPM_CLI, "#!/usr/bin/env node\n"),
                Map.of("/usr/local/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js"));
    }

    @AfterAll
    static void closeImage() {
        image.close();
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("/usr/bin/dumb-init", "--"), List.of("node", "dist/main.js"), "/usr/src/app",
                        List.of("/usr/src/app/dist/main.js")),
                Arguments.of(List.of("tini", "-s", "--"), List.of("node", "--enable-source-maps", "app.js"), "/app",
                        List.of("/app/app.js")),
                Arguments.of(List.of("docker-entrypoint.sh"), List.of("node", "./bin/../www.js"), "/app",
                        List.of("/app/www.js")),
                Arguments.of(List.of(), List.of("npm", "start"), "/app",
                        List.of(NPM_CLI, "/app/server/index.js")),
                Arguments.of(List.of(), List.of("npm", "run", "serve"), "/app",
                        List.of(NPM_CLI, "/app/node_modules/dotenv/config", "/app/dist/app.js")),
                Arguments.of(List.of("/bin/sh", "-c", "exec node /srv/index.js"), List.of(), null,
                        List.of("/srv/index.js")),
                Arguments.of(List.of(), List.of("/usr/local/bin/node", "--import", "./register.mjs", "main.mjs"), "/app",
                        List.of("/app/register.mjs", "/app/main.mjs")),
                Arguments.of(List.of("node"), List.of("-e", "require('x')"), "/app", List.of()),
                Arguments.of(List.of(), List.of("npm", "test"), "/app", List.of()),
                Arguments.of(List.of(), List.of("python3", "app.py"), "/app", List.of()));
    }

    @ParameterizedTest(name = "{0} {1} in {2}")
    @MethodSource("commands")
    void shouldFindScripts(List<String> entrypoint, List<String> cmd, String workingDir, List<String> expected) {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, null, List.of(), List.of(), entrypoint, cmd,
                workingDir, null, Map.of(), List.of());

        List<EntryPoint> found = new EntryPointFinder(image.files()).find(config);

        assertThat(found).extracting(EntryPoint::file).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldNameTheScriptInTheOrigin() {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, null, List.of(), List.of(), List.of(),
                List.of("npm", "start"), "/app", null, Map.of(), List.of());

        List<EntryPoint> found = new EntryPointFinder(image.files()).find(config);

        assertThat(found.getLast().origin())
                .isEqualTo("image config: npm start in /app -> scripts.start: node server/index.js --port 3000");
    }

    @Test
    void shouldExplainAnInlineScript() {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, null, List.of(), List.of(), List.of(),
                List.of("node", "-e", "1"), "/app", null, Map.of(), List.of());
        EntryPointFinder finder = new EntryPointFinder(image.files());

        finder.find(config);

        assertThat(finder.problems()).containsExactly("node -e runs inline code, which is not analyzed",
                "no Node.js script found in the image command 'node -e 1'; give the entry points explicitly");
    }
}
