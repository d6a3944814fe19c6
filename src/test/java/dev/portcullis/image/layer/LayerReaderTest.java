package dev.portcullis.image.layer;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.fixtures.GeneratedTar;
import dev.portcullis.image.tree.ContentStore;
import dev.portcullis.image.tree.MergedTree;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayerReaderTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path temp;

    private final List<Skipped> skipped = new ArrayList<>();

    static Stream<Arguments> compressions() {
        var layer = tar().file("etc/os-release", "ID=alpine\n");
        return Stream.of(
                Arguments.of("gzip", layer.gzip()),
                Arguments.of("zstd", layer.zstd()),
                Arguments.of("uncompressed", layer.build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compressions")
    void shouldReadLayerInEveryCompression(String name, byte[] blob) throws Exception {
        TreeBuilder builder = builder(FileRequest.globs("/etc/os-release"));
        ContentStore store = new ContentStore(temp, MIB);

        LayerDigests digests = new LayerReader(store, ReadProgress.NONE)
                .read(new ByteArrayInputStream(blob), new LayerCheck(name, sha256(blob), null), builder);
        builder.finishLayer();

        assertThat(read(builder.build(), "/etc/os-release")).isEqualTo("ID=alpine\n");
        assertThat(digests.digest()).isEqualTo(sha256(blob));
        assertThat(digests.diffId()).isEqualTo(sha256(tar().file("etc/os-release", "ID=alpine\n").build()));
        assertThat(digests.size()).isEqualTo(blob.length);
    }

    @Test
    void shouldRejectTruncatedGzipLayer() {
        byte[] blob = tar().file("etc/big", "x".repeat(100_000)).file("etc/more", "y".repeat(50_000)).gzip();
        byte[] truncated = Arrays.copyOf(blob, blob.length / 2);

        assertThatThrownBy(() -> readLayer(truncated, new LayerCheck("image.tar: layer-one.tar", null, null)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("layer image.tar: layer-one.tar is truncated or corrupt")
                .hasMessageContaining("export or download it again");
    }

    @Test
    void shouldRejectDigestMismatchNamingBlob() {
        byte[] blob = tar().file("etc/hostname", "box").gzip();
        String wrong = "sha256:" + "0".repeat(64);

        assertThatThrownBy(() -> readLayer(blob, new LayerCheck("oci: blobs/sha256/feed", wrong, null)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("layer oci: blobs/sha256/feed has digest " + sha256(blob))
                .hasMessageContaining("but the image names " + wrong);
    }

    @Test
    void shouldRejectDiffIdMismatch() {
        byte[] blob = tar().file("etc/hostname", "box").gzip();
        String wrong = "sha256:" + "1".repeat(64);

        assertThatThrownBy(() -> readLayer(blob, new LayerCheck("x.tar: abc/layer.tar", null, wrong)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("x.tar: abc/layer.tar has diff id")
                .hasMessageContaining(wrong);
    }

    @Test
    void shouldReportProgressOfStoredBytes() throws Exception {
        byte[] blob = tar().file("etc/hostname", "box").gzip();
        List<Long> totals = new ArrayList<>();
        ReadProgress progress = new ReadProgress() {
            @Override
            public void bytesRead(long total) {
                totals.add(total);
            }
        };

        new LayerReader(new ContentStore(temp, MIB), progress)
                .read(new ByteArrayInputStream(blob), new LayerCheck("l", null, null), builder(FileRequest.none()));

        assertThat(totals).isNotEmpty();
        assertThat(totals.getLast()).isEqualTo(blob.length);
    }

    @Test
    void shouldStreamHugeUnrequestedFileWithoutKeepingIt() throws Exception {
        long huge = 200 * MIB;
        long requested = 3 * MIB;
        InputStream blob = GeneratedTar.tar()
                .zeroFile("var/cache/huge.img", huge)
                .zeroFile("opt/data/wanted.bin", requested)
                .stream();
        ContentStore store = new ContentStore(temp, MIB);
        TreeBuilder builder = builder(FileRequest.globs("/opt/data/*"));

        new LayerReader(store, ReadProgress.NONE).read(blob, new LayerCheck("generated", null, null), builder);
        MergedTree tree = builder.build();

        assertThat(tree.find("/var/cache/huge.img").map(e -> e.size())).contains(huge);
        assertThat(store.inMemoryBytes()).isZero();
        assertThat(store.spilledBytes()).isEqualTo(requested);
        assertThat(folderSize(temp)).isEqualTo(requested);
        try (InputStream in = tree.open("/opt/data/wanted.bin")) {
            assertThat(in.transferTo(OutputStreamDiscard.INSTANCE)).isEqualTo(requested);
        }
    }

    @Test
    void shouldKeepSmallRequestedFileInMemory() throws Exception {
        byte[] blob = tar().file("etc/small", "tiny").file("etc/other", "not requested").build();
        ContentStore store = new ContentStore(temp, MIB);

        new LayerReader(store, ReadProgress.NONE)
                .read(new ByteArrayInputStream(blob), new LayerCheck("l", null, null), builder(FileRequest.globs("/etc/small")));

        assertThat(store.inMemoryBytes()).isEqualTo(4);
        assertThat(store.spilledBytes()).isZero();
        assertThat(folderSize(temp)).isZero();
    }

    private void readLayer(byte[] blob, LayerCheck check) throws ImageException {
        new LayerReader(new ContentStore(temp, MIB), ReadProgress.NONE)
                .read(new ByteArrayInputStream(blob), check, builder(FileRequest.none()));
    }

    private TreeBuilder builder(FileRequest request) {
        TreeBuilder builder = new TreeBuilder(request, skipped);
        builder.startLayer(0, "layer 0");
        return builder;
    }

    private static String read(MergedTree tree, String path) throws IOException {
        try (InputStream in = tree.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(HashingInputStream.newDigest("sha256").digest(bytes));
    }

    /** Discards what is written, so a test can count bytes without keeping them. */
    private static final class OutputStreamDiscard extends java.io.OutputStream {
        static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
