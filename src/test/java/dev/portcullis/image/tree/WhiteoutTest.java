package dev.portcullis.image.tree;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileType;
import dev.portcullis.image.fixtures.LayerStack;
import dev.portcullis.image.fixtures.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whiteout handling, checked against Clair's whiteout layers and resolver cases in
 * {@code ../shared/fixtures/peer/claircore/whiteout/} (whiteout.layer, whiteout_advanced.layer,
 * whiteout_opaque.layer, resolver-cases.json).
 */
class WhiteoutTest {

    private static final Path PEER = Path.of("../shared/fixtures/peer/claircore/whiteout");

    @TempDir
    Path temp;

    static Stream<Arguments> resolverCases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(PEER.resolve("resolver-cases.json").toFile());
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode node : root.get("cases")) {
            cases.add(Arguments.of(node.get("name").asText(), node));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolverCases")
    void shouldKeepThePackagesClairKeeps(String name, JsonNode testCase) throws Exception {
        Map<String, TarBuilder> layers = new LinkedHashMap<>();
        for (JsonNode layer : testCase.get("layer_order")) {
            layers.put(layer.asText(), tar());
        }
        for (JsonNode pkg : testCase.get("packages")) {
            for (JsonNode layer : pkg.get("introduced_in")) {
                layers.get(layer.asText()).file(pkg.get("filepath").asText(), pkg.get("id").asText());
            }
        }
        testCase.get("whiteouts_by_layer").properties().forEach(byLayer -> {
            for (JsonNode whiteout : byLayer.getValue()) {
                layers.get(byLayer.getKey()).file(whiteout.get("path").asText(), "");
            }
        });

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(),
                layers.values().stream().map(TarBuilder::build).toList());

        long surviving = 0;
        for (JsonNode pkg : testCase.get("packages")) {
            if (stack.tree().find("/" + pkg.get("filepath").asText()).isPresent()) {
                surviving++;
            }
        }
        assertThat(surviving).isEqualTo(testCase.get("expected_surviving_packages").asLong());
    }

    @Test
    void shouldDeleteFileWhitedOutByLaterLayer() throws Exception {
        byte[] base = tar().file("etc/profile", "export PATH").file("etc/passwd", "root:x:0:0").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(),
                List.of(base, Files.readAllBytes(PEER.resolve("whiteout.layer"))));

        assertThat(stack.tree().find("/etc/profile")).isEmpty();
        assertThat(stack.tree().find("/etc/passwd")).isPresent();
        assertThat(stack.tree().find("/etc/.wh.profile")).isEmpty();
    }

    @Test
    void shouldDeleteFilesAndDirectoriesOfAdvancedWhiteouts() throws Exception {
        byte[] base = tar()
                .file("a/a_file.txt", "gone")
                .file("a/keep.txt", "kept")
                .file("a_root_file.txt", "gone")
                .file("b/inner/deep.txt", "gone")
                .build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(),
                List.of(base, Files.readAllBytes(PEER.resolve("whiteout_advanced.layer"))));

        assertThat(stack.tree().find("/a/a_file.txt")).isEmpty();
        assertThat(stack.tree().find("/a_root_file.txt")).isEmpty();
        assertThat(stack.tree().find("/b")).isEmpty();
        assertThat(stack.tree().find("/b/inner/deep.txt")).isEmpty();
        assertThat(stack.tree().find("/a/keep.txt")).isPresent();
    }

    @Test
    void shouldEmptyOpaqueDirectoryOnly() throws Exception {
        byte[] base = tar().file("a/old.txt", "gone").file("a/sub/old.txt", "gone").file("b/old.txt", "kept").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(),
                List.of(base, Files.readAllBytes(PEER.resolve("whiteout_opaque.layer"))));

        assertThat(stack.tree().find("/a").map(e -> e.type())).contains(FileType.DIRECTORY);
        assertThat(stack.tree().find("/a/old.txt")).isEmpty();
        assertThat(stack.tree().find("/a/sub")).isEmpty();
        assertThat(stack.tree().find("/b/old.txt")).isPresent();
        assertThat(stack.tree().find("/b/not.a.wh..wh..opq").map(e -> e.type())).contains(FileType.REGULAR);
        assertThat(stack.tree().glob("/a/*")).isEmpty();
    }

    @Test
    void shouldKeepSameLayerEntriesOfOpaqueDirectory() throws Exception {
        byte[] base = tar().file("app/old.js", "old").build();
        byte[] upper = tar().file("app/new.js", "new").file("app/.wh..wh..opq", "").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(), List.of(base, upper));

        assertThat(stack.tree().find("/app/new.js")).isPresent();
        assertThat(stack.tree().find("/app/old.js")).isEmpty();
    }

    @Test
    void shouldKeepVersionsOfDeletedFile() throws Exception {
        byte[] base = tar().file("var/lib/dpkg/status", "Package: a\n").build();
        byte[] delete = tar().file("var/lib/dpkg/.wh.status", "").build();
        byte[] again = tar().file("var/lib/dpkg/status", "Package: b\n").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/var/lib/dpkg/status"),
                List.of(base, delete, again));

        assertThat(stack.tree().versions("/var/lib/dpkg/status"))
                .extracting(v -> v.layerIndex())
                .containsExactly(0, 2);
        assertThat(stack.read("/var/lib/dpkg/status")).isEqualTo("Package: b\n");
    }

    @Test
    void shouldLeaveOutAufsMetadata() throws Exception {
        byte[] layer = tar().file(".wh..wh.plnk/123.456", "link data").file(".wh..wh.aufs", "").file("etc/x", "x").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(), List.of(layer));

        assertThat(stack.tree().entries()).extracting(e -> e.path()).containsExactly("/", "/etc", "/etc/x");
        assertThat(stack.skipped()).isEmpty();
    }
}
