package dev.portcullis.image.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileType;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.SourceKind;
import dev.portcullis.image.tree.MergedTree;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsReaderTest {

    @TempDir
    Path work;

    private Path root;
    private Path hostSecret;

    @BeforeEach
    void createRootFilesystem() throws IOException {
        root = Files.createDirectories(work.resolve("rootfs"));
        hostSecret = Files.writeString(work.resolve("host-secret"), "host only");
        Files.createDirectories(root.resolve("usr/lib"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("usr/lib/os-release"), "ID=alpine\n");
        Files.writeString(root.resolve("etc/secret"), "image secret");
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        Files.createSymbolicLink(root.resolve("etc/absolute"), Path.of("/etc/secret"));
        Files.createSymbolicLink(root.resolve("etc/escape"), Path.of("../../host-secret"));
        Files.createSymbolicLink(root.resolve("etc/host-absolute"), hostSecret);
        Files.createSymbolicLink(root.resolve("linked-dir"), work);
    }

    @Test
    void shouldResolveLinksInsideRootOnly() throws Exception {
        MergedTree tree = read(FileRequest.globs("/etc/*", "/usr/lib/*"));

        assertThat(tree.find("/etc/os-release").map(FileEntry::path)).contains("/usr/lib/os-release");
        assertThat(content(tree, "/etc/os-release")).isEqualTo("ID=alpine\n");
        assertThat(content(tree, "/etc/absolute")).isEqualTo("image secret");
        assertThat(tree.find("/etc/escape")).isEmpty();
        assertThat(tree.find("/etc/host-absolute")).isEmpty();
        assertThat(tree.find("/linked-dir/host-secret")).isEmpty();
        assertThat(tree.findNoFollow("/linked-dir").map(FileEntry::type)).contains(FileType.SYMLINK);
    }

    @Test
    void shouldRecordSingleVersion() throws Exception {
        MergedTree tree = read(FileRequest.globs("/usr/lib/os-release"));

        assertThat(tree.versions("/usr/lib/os-release")).extracting(FileVersion::layerIndex).containsExactly(-1);
        assertThat(tree.find("/usr/lib/os-release").map(FileEntry::layerIndex)).contains(-1);
    }

    @Test
    void shouldRejectHostLinkSwappedIn() throws Exception {
        MergedTree tree = read(FileRequest.globs("/etc/secret"));
        Files.delete(root.resolve("etc/secret"));
        Files.createSymbolicLink(root.resolve("etc/secret"), hostSecret);

        assertThat(tree.find("/etc/secret")).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tree.open("/etc/secret"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldOpenRootFilesystemFolderThroughOpener() throws Exception {
        ImageOptions options = new ImageOptions(null, ImageOptions.DEFAULT_MAX_IN_MEMORY, work, ReadProgress.NONE);

        try (OpenedImage image = new ImageOpener(options).open(root.toString(), FileRequest.globs("/usr/lib/*"))) {
            assertThat(image.metadata().kind()).isEqualTo(SourceKind.ROOTFS);
            assertThat(image.metadata().layers()).isEmpty();
            assertThat(image.files().find("/etc/os-release").map(FileEntry::size)).contains(10L);
            assertThat(image.skipped()).extracting(Skipped::location).containsExactly("/etc/escape");
        }
    }

    @Test
    void shouldReadAnyFolderWithDirPrefix() throws Exception {
        Path plain = Files.createDirectories(work.resolve("plain"));
        Files.writeString(plain.resolve("notes.txt"), "n");
        ImageOptions options = new ImageOptions(null, ImageOptions.DEFAULT_MAX_IN_MEMORY, work, ReadProgress.NONE);

        try (OpenedImage image = new ImageOpener(options).open("dir:" + plain, FileRequest.none())) {
            assertThat(image.files().find("/notes.txt")).isPresent();
        }
    }

    private MergedTree read(FileRequest request) throws IOException {
        List<Skipped> skipped = new ArrayList<>();
        TreeBuilder builder = new TreeBuilder(request, skipped);
        new RootfsReader().read(root, builder);
        return builder.build();
    }

    private static String content(MergedTree tree, String path) throws IOException {
        try (InputStream in = tree.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
