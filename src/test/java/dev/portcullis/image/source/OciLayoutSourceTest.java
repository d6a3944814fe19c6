package dev.portcullis.image.source;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.SourceKind;
import dev.portcullis.image.fixtures.OciLayoutWriter;
import dev.portcullis.image.json.JsonBlobReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OciLayoutSourceTest {

    private static final byte[] AMD64_LAYER = tar().file("etc/arch", "amd64").gzip();
    private static final byte[] ARM64_LAYER = tar().file("etc/arch", "arm64").gzip();
    private static final byte[] ARMV7_LAYER = tar().file("etc/arch", "armv7").gzip();

    @TempDir
    Path temp;

    private final OciLayoutSource source = new OciLayoutSource(new JsonBlobReader());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "null, amd64",
        "linux/amd64, amd64",
        "linux/arm64, arm64",
        "linux/arm64/v8, arm64",
        "linux/arm/v7, armv7",
        "linux/arm, armv7",
    })
    void shouldPickPlatformFromNestedIndex(String platform, String expected) throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        String index = layout.imageIndex(List.of(
                layout.image(List.of(AMD64_LAYER), "linux/amd64", null),
                layout.image(List.of(ARM64_LAYER), "linux/arm64/v8", null),
                layout.image(List.of(ARMV7_LAYER), "linux/arm/v7", null)), "multi");
        layout.index(List.of(index));

        ResolvedImage image = resolve(layout.root(), "multi", platform);

        assertThat(image.layers()).extracting(LayerBlob::digest).containsExactly(digestOf(expected));
        assertThat(image.tags()).containsExactly("multi");
    }

    @Test
    void shouldPickPlatformFromFlatIndex() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(
                layout.image(List.of(ARM64_LAYER), "linux/arm64/v8", "app"),
                layout.image(List.of(AMD64_LAYER), "linux/amd64", "app")));

        ResolvedImage image = resolve(layout.root(), null, null);

        assertThat(image.layers()).extracting(LayerBlob::digest).containsExactly(OciLayoutWriter.digest(AMD64_LAYER));
    }

    @Test
    void shouldListPlatformsWhenAbsent() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(layout.imageIndex(List.of(
                layout.image(List.of(AMD64_LAYER), "linux/amd64", null),
                layout.image(List.of(ARM64_LAYER), "linux/arm64/v8", null)), null)));

        assertThatThrownBy(() -> resolve(layout.root(), null, "linux/s390x"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("has no image for platform linux/s390x")
                .hasMessageContaining("available platforms: linux/amd64, linux/arm64/v8");
    }

    @Test
    void shouldRejectMalformedPlatform() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(layout.image(List.of(AMD64_LAYER), null, "app")));

        assertThatThrownBy(() -> resolve(layout.root(), null, "amd64"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("invalid platform 'amd64'; write it as os/arch[/variant]");
    }

    @Test
    void shouldPickOnlyImageWithoutTag() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(layout.image(List.of(AMD64_LAYER), null, "1.0")));

        ResolvedImage image = resolve(layout.root(), null, null);

        assertThat(image.tags()).containsExactly("1.0");
        assertThat(image.kind()).isEqualTo(SourceKind.OCI_LAYOUT);
    }

    @Test
    void shouldRequireTagForSeveralImages() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(
                layout.image(List.of(AMD64_LAYER), null, "base"),
                layout.image(List.of(AMD64_LAYER, ARM64_LAYER), null, "app")));

        assertThatThrownBy(() -> resolve(layout.root(), null, null))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("contains 2 images; name one with PATH:TAG, tags: base, app");
    }

    @Test
    void shouldListTagsWhenTagIsUnknown() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(layout.image(List.of(AMD64_LAYER), null, "base")));

        assertThatThrownBy(() -> resolve(layout.root(), "latest", null))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("has no image tagged 'latest'; its tags: base");
    }

    @Test
    void shouldRejectManifestWhoseDigestDoesNotMatch() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        String descriptor = layout.image(List.of(AMD64_LAYER), null, "app");
        layout.index(List.of(descriptor));
        String digest = descriptor.replaceAll(".*\"digest\":\"sha256:([a-f0-9]{64})\".*", "$1");
        Files.writeString(layout.root().resolve("blobs/sha256").resolve(digest), "{\"schemaVersion\":2,\"layers\":[]}");

        assertThatThrownBy(() -> resolve(layout.root(), null, null))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("blob sha256:" + digest + " has digest sha256:")
                .hasMessageContaining("damaged or was replaced");
    }

    @Test
    void shouldRejectDigestThatIsAPath() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        Files.writeString(layout.root().resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
                + OciLayoutWriter.MANIFEST + "\",\"digest\":\"sha256:../../../etc/passwd\",\"size\":10}]}");

        assertThatThrownBy(() -> resolve(layout.root(), null, null))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("names an invalid digest 'sha256:../../../etc/passwd'");
    }

    @Test
    void shouldRejectManifestNamingMissingLayer() throws Exception {
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(layout.image(List.of(AMD64_LAYER), null, "app")));
        String layer = OciLayoutWriter.digest(AMD64_LAYER);
        Files.delete(layout.root().resolve("blobs/sha256").resolve(layer.substring(7)));

        assertThatThrownBy(() -> resolve(layout.root(), null, null))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("names layer " + layer)
                .hasMessageContaining("does not contain (blobs/sha256/" + layer.substring(7) + ")");
    }

    private ResolvedImage resolve(Path root, String tag, String platform) throws ImageException {
        return source.resolve(new DirectoryBlobStore(root), SourceKind.OCI_LAYOUT, tag, platform);
    }

    private static String digestOf(String arch) {
        return OciLayoutWriter.digest(switch (arch) {
            case "amd64" -> AMD64_LAYER;
            case "arm64" -> ARM64_LAYER;
            default -> ARMV7_LAYER;
        });
    }
}
