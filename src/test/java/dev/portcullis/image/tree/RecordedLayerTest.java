package dev.portcullis.image.tree;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.fixtures.LayerStack;
import dev.portcullis.image.layer.LayerCheck;
import dev.portcullis.image.layer.LayerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers recorded out of order and merged in order must give the tree a sequential read gives. */
class RecordedLayerTest {

    private static final FileRequest REQUEST = FileRequest.globs("/etc/*", "**/package.json");

    @TempDir
    Path temp;

    private final List<byte[]> layers = List.of(
            tar().file("etc/os-release", "ID=debian\n")
                    .file("etc/passwd", "root:x:0:0\n")
                    .file("app/node_modules/a/package.json", "{\"name\":\"a\"}")
                    .file("app/node_modules/a/index.js", "module.exports = 1;")
                    .file("opt/old/file", "old")
                    .symlink("usr/bin/node", "../local/bin/node")
                    .build(),
            tar().file("etc/.wh.passwd", "")
                    .file("opt/old/.wh..wh..opq", "")
                    .file("opt/old/new", "new")
                    .hardLink("etc/release-link", "etc/os-release")
                    .file("/abs/file", "absolute")
                    .file("../escape", "climbs")
                    .build(),
            tar().file("etc/os-release", "ID=debian\nVERSION_ID=12\n")
                    .file("app/node_modules/a/package.json", "{\"name\":\"a\",\"version\":\"2\"}")
                    .symlink("loop/a", "b")
                    .symlink("loop/b", "a")
                    .build());

    @Test
    void shouldMergeLikeSequentialRead() throws Exception {
        LayerStack sequential = LayerStack.merge(temp.resolve("sequential"), REQUEST, layers);
        List<Skipped> skipped = new ArrayList<>();
        MergedTree recorded = mergeRecorded(new ContentStore(temp, 1024 * 1024), skipped);

        assertThat(recorded.entries()).isEqualTo(sequential.tree().entries());
        assertThat(skipped).isEqualTo(sequential.skipped());
        for (String path : List.of("/etc/os-release", "/etc/release-link", "/app/node_modules/a/package.json")) {
            assertThat(contents(recorded.versions(path))).as(path)
                    .isEqualTo(contents(sequential.tree().versions(path)));
        }
    }

    @Test
    void shouldApplyWhiteoutsAndKeepRequestedContent() throws Exception {
        List<Skipped> skipped = new ArrayList<>();
        MergedTree tree = mergeRecorded(new ContentStore(temp, 1024 * 1024), skipped);

        assertThat(tree.find("/etc/passwd")).isEmpty();
        assertThat(tree.find("/opt/old/file")).isEmpty();
        assertThat(tree.find("/opt/old/new")).isPresent();
        assertThat(tree.find("/abs/file")).isPresent();
        assertThat(tree.find("/escape")).isEmpty();
        assertThat(read(tree, "/etc/os-release")).isEqualTo("ID=debian\nVERSION_ID=12\n");
        assertThat(read(tree, "/etc/release-link")).isEqualTo("ID=debian\n");
        assertThat(tree.versions("/app/node_modules/a/package.json")).extracting(FileVersion::layerIndex)
                .containsExactly(0, 2);
        assertThat(skipped).extracting(Skipped::location)
                .containsExactly("layer 1: /abs/file", "layer 1: ../escape", "/loop/a", "/loop/b");
    }

    @Test
    void shouldStoreRequestedContentOnly() throws Exception {
        ContentStore store = new ContentStore(temp, 1024 * 1024);

        mergeRecorded(store, new ArrayList<>());

        long requested = "ID=debian\n".length() + "root:x:0:0\n".length() + "{\"name\":\"a\"}".length()
                + "ID=debian\nVERSION_ID=12\n".length() + "{\"name\":\"a\",\"version\":\"2\"}".length();
        assertThat(store.inMemoryBytes()).isEqualTo(requested);
        assertThat(store.spilledBytes()).isZero();
    }

    /** Records the layers from the top down, as parallel reads may finish, then merges them bottom up. */
    private MergedTree mergeRecorded(ContentStore store, List<Skipped> skipped) throws Exception {
        LayerReader reader = new LayerReader(store, ReadProgress.NONE);
        List<RecordedLayer> recorded = new ArrayList<>(List.of(new RecordedLayer(REQUEST), new RecordedLayer(REQUEST),
                new RecordedLayer(REQUEST)));
        for (int index = layers.size() - 1; index >= 0; index--) {
            reader.read(new ByteArrayInputStream(layers.get(index)), new LayerCheck("layer " + index, null, null),
                    recorded.get(index));
        }
        TreeBuilder builder = new TreeBuilder(REQUEST, skipped);
        for (int index = 0; index < layers.size(); index++) {
            builder.startLayer(index, "layer " + index);
            recorded.get(index).applyTo(builder);
            builder.finishLayer();
        }
        return builder.build();
    }

    private static List<String> contents(List<FileVersion> versions) throws IOException {
        List<String> contents = new ArrayList<>();
        for (FileVersion version : versions) {
            try (InputStream in = version.open()) {
                contents.add(version.layerIndex() + ":" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }

    private static String read(MergedTree tree, String path) throws IOException {
        try (InputStream in = tree.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
