package dev.portcullis.image;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.fixtures.ImageArchives;
import dev.portcullis.image.fixtures.OciLayoutWriter;
import dev.portcullis.image.fixtures.TarBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken inputs, each built in the test: entries and links that try to leave the image
 * root, and archives that cannot be used at all. Nothing may be written outside the private
 * temporary folder, and that folder must be gone after close or failure.
 */
class ImageOpenerHostileTest {

    private static final String CONFIG = "config.json";

    @TempDir
    Path work;

    @TempDir
    Path tempRoot;

    @AfterEach
    void shouldLeaveNothingBehind() throws IOException {
        assertThat(listing(tempRoot)).isEmpty();
    }

    @Test
    void shouldSkipEntriesLeavingRootAndComplete() throws Exception {
        byte[] layer = tar()
                .file("../../escaped.txt", "evil")
                .file("/etc/absolute.txt", "clamped")
                .file("etc/ok.txt", "fine")
                .gzip();
        Path archive = dockerArchive(List.of(layer));

        try (OpenedImage image = open(archive.toString(), FileRequest.globs("/**"))) {
            assertThat(image.skipped()).extracting(Skipped::location)
                    .containsExactly("layer 0 (layer0.tar): ../../escaped.txt", "layer 0 (layer0.tar): /etc/absolute.txt");
            assertThat(read(image, "/etc/absolute.txt")).isEqualTo("clamped");
            assertThat(read(image, "/etc/ok.txt")).isEqualTo("fine");
            assertThat(image.files().glob("/**")).extracting(FileEntry::path)
                    .containsExactly("/etc", "/etc/absolute.txt", "/etc/ok.txt");
            assertThat(allFiles(tempRoot)).isEmpty();
        }
        assertThat(listing(work)).containsExactly(archive);
        assertThat(work.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void shouldClampSymlinkChainLeavingRoot() throws Exception {
        byte[] layer = tar()
                .file("etc/passwd", "root:x:0:0:image-passwd")
                .symlink("app/config", "../hop")
                .symlink("hop", "../../../../../etc/passwd")
                .gzip();

        try (OpenedImage image = open(dockerArchive(List.of(layer)).toString(), FileRequest.globs("/etc/passwd"))) {
            assertThat(read(image, "/app/config")).isEqualTo("root:x:0:0:image-passwd");
            assertThat(image.skipped()).extracting(Skipped::location).containsExactly("/app/config", "/hop");
        }
    }

    @Test
    void shouldWarnAboutSymlinkLoop() throws Exception {
        byte[] layer = tar().symlink("etc/one", "two").symlink("etc/two", "../etc/one").gzip();

        try (OpenedImage image = open(dockerArchive(List.of(layer)).toString(), FileRequest.none())) {
            assertThat(image.files().find("/etc/one")).isEmpty();
            assertThat(image.skipped()).extracting(Skipped::location).containsExactly("/etc/one", "/etc/two");
            assertThat(image.skipped().getFirst().reason()).contains("symbolic link loop");
        }
    }

    @Test
    void shouldSkipHardLinkToHostShadow() throws Exception {
        byte[] layer = tar().hardLink("etc/shadow-copy", "../../etc/shadow").file("etc/shadow", "image-shadow").gzip();

        try (OpenedImage image = open(dockerArchive(List.of(layer)).toString(), FileRequest.globs("/etc/*"))) {
            assertThat(image.files().find("/etc/shadow-copy")).isEmpty();
            assertThat(read(image, "/etc/shadow")).isEqualTo("image-shadow");
            assertThat(image.skipped()).singleElement()
                    .satisfies(s -> assertThat(s.location()).isEqualTo("layer 0 (layer0.tar): etc/shadow-copy"))
                    .satisfies(s -> assertThat(s.reason()).contains("points outside the image root"));
        }
    }

    @Test
    void shouldRejectTruncatedGzipLayer() throws Exception {
        byte[] layer = tar().file("usr/share/big", "z".repeat(200_000)).file("usr/share/more", "q".repeat(90_000)).gzip();
        Path archive = dockerArchive(List.of(Arrays.copyOf(layer, layer.length / 2)));

        assertThatThrownBy(() -> open(archive.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("layer " + archive + " entry layer0.tar is truncated or corrupt (");
    }

    @Test
    void shouldRejectManifestNamingMissingLayer() throws Exception {
        Path archive = tar()
                .file(CONFIG, OciLayoutWriter.MINIMAL_CONFIG)
                .file("manifest.json", ImageArchives.manifestJson(CONFIG, "app:1", List.of("abc/layer.tar")))
                .writeTo(work.resolve("missing-layer.tar"));

        assertThatThrownBy(() -> open(archive.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(archive + " entry manifest.json names layer abc/layer.tar, which the archive "
                        + "does not contain");
    }

    @Test
    void shouldRejectManifestLayerOutsideArchive() throws Exception {
        Files.write(work.resolve("outside.tar"), tar().file("etc/x", "x").build());
        Path archive = tar()
                .file(CONFIG, OciLayoutWriter.MINIMAL_CONFIG)
                .file("manifest.json", ImageArchives.manifestJson(CONFIG, "app:1", List.of("../outside.tar")))
                .writeTo(work.resolve("outside-layer.tar"));

        assertThatThrownBy(() -> open(archive.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(archive + " entry manifest.json names layer ../outside.tar outside the archive");
    }

    @Test
    void shouldRejectLayerLinkLeavingArchive() throws Exception {
        Path archive = tar()
                .file(CONFIG, OciLayoutWriter.MINIMAL_CONFIG)
                .symlink("abc/layer.tar", "../../outside.tar")
                .file("manifest.json", ImageArchives.manifestJson(CONFIG, "app:1", List.of("abc/layer.tar")))
                .writeTo(work.resolve("link-out.tar"));

        assertThatThrownBy(() -> open(archive.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(archive + ": entry abc/layer.tar links to ../../outside.tar outside the archive");
    }

    @Test
    void shouldRejectInvalidManifestJson() throws Exception {
        Path archive = tar().file("manifest.json", "[{\"Config\": ").writeTo(work.resolve("bad-json.tar"));

        assertThatThrownBy(() -> open(archive.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(archive + " entry manifest.json is not valid JSON");
    }

    @Test
    void shouldRejectEmptyFile() throws Exception {
        Path empty = Files.createFile(work.resolve("empty.tar"));

        assertThatThrownBy(() -> open(empty.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessage(empty + " is an empty file; give a docker-save tarball, an OCI archive or layout folder, "
                        + "or a root filesystem folder");
    }

    @Test
    void shouldRejectRandomBytes() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Path file = Files.write(work.resolve("noise.bin"), noise);

        assertThatThrownBy(() -> open(file.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith(file + " is not a tar archive");
    }

    @Test
    void shouldRejectGzipCompressedSave() throws Exception {
        Path archive = Files.write(work.resolve("save.tar.gz"), tar().file("manifest.json", "[]").gzip());

        assertThatThrownBy(() -> open(archive.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessage(archive + " is gzip-compressed; decompress it first (gunzip or zstd -d) and give the tar file");
    }

    @Test
    void shouldRejectTarWithoutImage() throws Exception {
        Path archive = tar().file("readme.txt", "hello").writeTo(work.resolve("plain.tar"));

        assertThatThrownBy(() -> open(archive.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(archive + " is a tar archive but not an image");
    }

    @Test
    void shouldRejectFolderWithoutImage() throws Exception {
        Path folder = Files.createDirectories(work.resolve("photos"));
        Files.writeString(folder.resolve("cat.jpg"), "meow");

        assertThatThrownBy(() -> open(folder.toString(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(folder + " contains no image")
                .hasMessageContaining("prefix it with dir:");
    }

    @Test
    void shouldRejectNonexistentPath() {
        String missing = work.resolve("nope.tar").toString();

        assertThatThrownBy(() -> open(missing, FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith(missing + " not found");
    }

    @Test
    void shouldRejectLayerDigestMismatch() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(work.resolve("layout"));
        byte[] layer = tar().file("etc/hostname", "box").gzip();
        layout.index(List.of(layout.image(List.of(layer), null, "app")));
        String digest = OciLayoutWriter.digest(layer);
        Files.write(layout.root().resolve("blobs/sha256").resolve(digest.substring(7)),
                tar().file("etc/hostname", "swapped").gzip());

        assertThatThrownBy(() -> open("oci:" + layout.root(), FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("layer " + layout.root() + "/blobs/sha256/" + digest.substring(7) + " has digest")
                .hasMessageContaining("but the image names " + digest);
    }

    @Test
    void shouldRejectRegistryReference() {
        assertThatThrownBy(() -> open("registry:docker.io/library/alpine:3", FileRequest.none()))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("registry images are not read by this opener");
    }

    @Test
    void shouldSpillLargeRequestedFile() throws Exception {
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 'b');
        byte[] layer = tar().file("opt/big.bin", big).file("opt/small.txt", "s").gzip();
        ImageOptions options = new ImageOptions(null, 100_000, tempRoot, ReadProgress.NONE);

        try (OpenedImage image = new ImageOpener(options).open(dockerArchive(List.of(layer)).toString(),
                FileRequest.globs("/opt/*"))) {
            try (InputStream in = image.files().open("/opt/big.bin")) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
            assertThat(allFiles(tempRoot)).singleElement()
                    .satisfies(file -> assertThat(Files.size(file)).isEqualTo(big.length));
        }
    }

    private Path dockerArchive(List<byte[]> layers) throws IOException {
        TarBuilder archive = tar().file(CONFIG, OciLayoutWriter.MINIMAL_CONFIG);
        for (int i = 0; i < layers.size(); i++) {
            archive.file("layer" + i + ".tar", layers.get(i));
        }
        List<String> names = java.util.stream.IntStream.range(0, layers.size()).mapToObj(i -> "layer" + i + ".tar").toList();
        archive.file("manifest.json", ImageArchives.manifestJson(CONFIG, "hostile:1", names));
        return archive.writeTo(work.resolve("hostile.tar"));
    }

    private OpenedImage open(String reference, FileRequest request) throws ImageException {
        return new ImageOpener(new ImageOptions(null, ImageOptions.DEFAULT_MAX_IN_MEMORY, tempRoot, ReadProgress.NONE))
                .open(reference, request);
    }

    private static String read(OpenedImage image, String path) throws IOException {
        try (InputStream in = image.files().open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    private static List<Path> allFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.filter(Files::isRegularFile).toList();
        }
    }
}
