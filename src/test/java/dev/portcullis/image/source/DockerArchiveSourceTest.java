package dev.portcullis.image.source;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.fixtures.OciLayoutWriter;
import dev.portcullis.image.json.JsonBlobReader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerArchiveSourceTest {

    private static final String MANIFEST = """
            [{"Config":"c1.json","RepoTags":["docker.io/library/web:1"],"Layers":["a/layer.tar"]},
             {"Config":"c2.json","RepoTags":["db:2","db:latest"],"Layers":["a/layer.tar","b.tar"]}]
            """;

    @TempDir
    Path work;

    private Path archive;

    @BeforeEach
    void writeArchive() throws Exception {
        archive = tar()
                .file("c1.json", OciLayoutWriter.MINIMAL_CONFIG)
                .file("c2.json", OciLayoutWriter.MINIMAL_CONFIG)
                .file("b.tar", tar().file("b", "b").build())
                .symlink("a/layer.tar", "../b.tar")
                .file("manifest.json", MANIFEST)
                .writeTo(work.resolve("two.tar"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"web:1, 1", "docker.io/library/web:1, 1", "db:latest, 2", "@0, 1", "@1, 2"})
    void shouldPickImageByTag(String tag, int layerCount) throws Exception {
        try (TarBlobStore store = TarBlobStore.open(archive)) {
            ResolvedImage image = new DockerArchiveSource(new JsonBlobReader()).resolve(store, tag);

            assertThat(image.layers()).hasSize(layerCount);
            assertThat(image.layers().getFirst().path()).isEqualTo("a/layer.tar");
            assertThat(image.layers().getFirst().size()).isEqualTo(store.size("b.tar"));
            assertThat(image.configDigest()).isEqualTo(OciLayoutWriter.digest(OciLayoutWriter.MINIMAL_CONFIG.getBytes()));
        }
    }

    @Test
    void shouldListTagsWhenTagMissing() throws Exception {
        try (TarBlobStore store = TarBlobStore.open(archive)) {
            assertThatThrownBy(() -> new DockerArchiveSource(new JsonBlobReader()).resolve(store, null))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("contains 2 images; name one with PATH:TAG, tags: docker.io/library/web:1, "
                            + "db:2 db:latest");
        }
    }

    @Test
    void shouldRejectUnknownTag() throws Exception {
        try (TarBlobStore store = TarBlobStore.open(archive)) {
            assertThatThrownBy(() -> new DockerArchiveSource(new JsonBlobReader()).resolve(store, "cache:9"))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("has no image tagged 'cache:9'");
        }
    }
}
