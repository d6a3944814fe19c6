package dev.portcullis.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.image.fixtures.ImageArchives;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads the demo image {@code ../shared/fixtures/images/demo-nest-api/oci} (an OCI layout with three
 * gzip layers, tags bookworm-minbase, node20-bookworm and demo-nest-api) in every form a user may
 * hand over.
 */
class ImageOpenerDemoTest {

    private static final Path LAYOUT = Path.of("../shared/fixtures/images/demo-nest-api/oci").toAbsolutePath();
    private static final Path SKOPEO = Path.of("/usr/bin/skopeo");
    private static final String CONFIG_DIGEST = "sha256:363735a4693347dda412d0c6992e5a43d4157abc5dc9ac2d61d7973e2fda227d";
    private static final List<String> LAYER_DIGESTS = List.of(
            "sha256:b7b2a17692fef791a4f0aecd320464330a13a8ebac4e17a8335c6a4233c3aa9a",
            "sha256:b63465efd5598481f996b5143129b5af8543439adb9142c68483b48330aef76c",
            "sha256:921902a496d41d3e7304e7d2c4f6450dcd6ae4421bce6a590863ed1965df2dca");
    private static final List<String> DIFF_IDS = List.of(
            "sha256:7926338bf789978c72c856417139a994f864ac4f7e292e5f3d07b0f7254fea3c",
            "sha256:1d454dd845de4bca6927c2510fe43f873ce23d316734a4cb65bd6d3ba77941ed",
            "sha256:345043ef5ebbdd75921b2c183bb178b081f551654dc83910fa8493c1ad5c9233");
    private static final FileRequest REQUEST =
            FileRequest.globs("/var/lib/dpkg/status", "/etc/os-release", "/usr/lib/os-release");

    @TempDir
    Path work;

    @TempDir
    Path tempRoot;

    enum Form {
        OCI_LAYOUT, OCI_ARCHIVE, SKOPEO_DOCKER_ARCHIVE, CLASSIC_DOCKER_ARCHIVE, DOCKER_ARCHIVE_WITH_LAYOUT
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void shouldReadDemoImageInEveryForm(Form form) throws Exception {
        String reference = reference(form);

        try (OpenedImage image = new ImageOpener(options()).open(reference, REQUEST)) {
            ImageMetadata metadata = image.metadata();
            assertThat(metadata.kind()).isEqualTo(expectedKind(form));
            assertThat(metadata.tags()).containsExactly(expectedTag(form));
            assertThat(metadata.configDigest()).isEqualTo(CONFIG_DIGEST);
            assertThat(metadata.layers()).extracting(Layer::digest).containsExactlyElementsOf(expectedDigests(form));
            assertThat(metadata.layers()).extracting(Layer::diffId).containsExactlyElementsOf(DIFF_IDS);
            assertThat(metadata.layers()).extracting(Layer::index).containsExactly(0, 1, 2);
            assertThat(metadata.layers().get(0).createdBy()).startsWith("debootstrap --variant=minbase bookworm");
            assertThat(metadata.layers().get(2).createdBy()).startsWith("COPY package*.json dist/");

            ImageConfig config = metadata.config();
            assertThat(config.user()).isEqualTo("node");
            assertThat(config.entrypoint()).containsExactly("/usr/bin/dumb-init", "--");
            assertThat(config.cmd()).containsExactly("node", "dist/main.js");
            assertThat(config.exposedPorts()).containsExactly("3000/tcp");
            assertThat(config.healthcheck()).isNull();
            assertThat(config.workingDir()).isEqualTo("/usr/src/app");
            assertThat(config.env()).contains("NODE_ENV=production");
            assertThat(config.labels()).containsEntry("org.opencontainers.image.title", "demo-nest-api");
            assertThat(config.os()).isEqualTo("linux");
            assertThat(config.architecture()).isEqualTo("amd64");
            assertThat(config.history()).hasSize(6);

            FileResolver files = image.files();
            assertThat(files.versions("/var/lib/dpkg/status")).extracting(FileVersion::layerIndex).containsExactly(0, 1);
            assertThat(read(files, "/var/lib/dpkg/status")).startsWith("Package: ").contains("Package: dumb-init");
            assertThat(files.find("/etc/os-release").map(FileEntry::path)).contains("/usr/lib/os-release");
            assertThat(files.findNoFollow("/etc/os-release").map(FileEntry::linkTarget)).contains("../usr/lib/os-release");
            assertThat(read(files, "/etc/os-release")).contains("VERSION_CODENAME=bookworm");
            assertThat(files.find("/usr/bin/perl5.36.0").map(FileEntry::size)).contains(3_808_560L);
            assertThat(files.find("/bin/bash").map(FileEntry::path)).contains("/usr/bin/bash");
            assertThat(files.find("/usr/src/app/dist/main.js")).isPresent();
            assertThat(image.skipped()).isEmpty();
            assertThat(listing(tempRoot)).hasSize(1);
        }
        assertThat(listing(tempRoot)).isEmpty();
    }

    @Test
    void shouldReadBaseImageByTag() throws Exception {
        try (OpenedImage image = new ImageOpener(options()).open("oci:" + LAYOUT + ":bookworm-minbase", REQUEST)) {
            assertThat(image.metadata().layers()).extracting(Layer::digest).containsExactly(LAYER_DIGESTS.getFirst());
            assertThat(image.metadata().config().user()).isNull();
            assertThat(image.metadata().config().cmd()).containsExactly("bash");
            assertThat(image.files().versions("/var/lib/dpkg/status")).extracting(FileVersion::layerIndex)
                    .containsExactly(0);
            assertThat(image.files().find("/usr/local/bin/node")).isEmpty();
        }
    }

    @Test
    void shouldReportProgressPerLayer() throws Exception {
        List<String> events = new ArrayList<>();
        ReadProgress progress = new ReadProgress() {
            @Override
            public void layerStarted(int index, int count, long size) {
                events.add("start " + index + "/" + count + " " + size);
            }

            @Override
            public void finished() {
                events.add("finished");
            }
        };
        ImageOptions options = new ImageOptions(null, ImageOptions.DEFAULT_MAX_IN_MEMORY, tempRoot, progress);

        try (OpenedImage image = new ImageOpener(options).open(LAYOUT + ":node20-bookworm", FileRequest.none())) {
            assertThat(image.metadata().kind()).isEqualTo(SourceKind.OCI_LAYOUT);
        }

        assertThat(events).containsExactly("start 0/2 51139622", "start 1/2 57477973", "finished");
    }

    private String reference(Form form) throws Exception {
        return switch (form) {
            case OCI_LAYOUT -> "oci:" + LAYOUT + ":demo-nest-api";
            case OCI_ARCHIVE -> "oci-archive:" + ImageArchives.ociArchive(LAYOUT, work.resolve("demo-oci.tar"))
                    + ":demo-nest-api";
            case SKOPEO_DOCKER_ARCHIVE -> skopeoDockerArchive().toString();
            case CLASSIC_DOCKER_ARCHIVE -> ImageArchives.classicDockerArchive(
                    Files.readAllBytes(blob(CONFIG_DIGEST)), LAYER_DIGESTS.stream().map(this::blob).toList(),
                    "demo:1", work.resolve("demo-classic.tar")).toString();
            case DOCKER_ARCHIVE_WITH_LAYOUT -> ImageArchives.dockerArchiveWithLayout(LAYOUT, CONFIG_DIGEST,
                    LAYER_DIGESTS, "demo:1", work.resolve("demo-docker25.tar")).toString() + ":demo:1";
        };
    }

    private Path skopeoDockerArchive() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SKOPEO), "skopeo is not installed at /usr/bin/skopeo, so the "
                + "docker-save tarball it writes cannot be tested; install the Debian package skopeo");
        Path archive = work.resolve("demo-skopeo.tar");
        Process process = new ProcessBuilder(SKOPEO.toString(), "copy", "--quiet", "oci:" + LAYOUT + ":demo-nest-api",
                "docker-archive:" + archive + ":demo:1")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("skopeo.log").toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("skopeo.log"))).isZero();
        return archive;
    }

    private Path blob(String digest) {
        return LAYOUT.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private ImageOptions options() {
        return new ImageOptions(null, ImageOptions.DEFAULT_MAX_IN_MEMORY, tempRoot, ReadProgress.NONE);
    }

    private static SourceKind expectedKind(Form form) {
        return switch (form) {
            case OCI_LAYOUT -> SourceKind.OCI_LAYOUT;
            case OCI_ARCHIVE -> SourceKind.OCI_ARCHIVE;
            default -> SourceKind.DOCKER_ARCHIVE;
        };
    }

    private static String expectedTag(Form form) {
        return switch (form) {
            case OCI_LAYOUT, OCI_ARCHIVE -> "demo-nest-api";
            case SKOPEO_DOCKER_ARCHIVE -> "docker.io/library/demo:1";
            default -> "demo:1";
        };
    }

    /** skopeo stores layers uncompressed, so their stored digest is the diff id. */
    private static List<String> expectedDigests(Form form) {
        return form == Form.SKOPEO_DOCKER_ARCHIVE ? DIFF_IDS : LAYER_DIGESTS;
    }

    private static String read(FileResolver files, String path) throws IOException {
        try (InputStream in = files.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }
}
