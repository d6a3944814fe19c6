package dev.portcullis.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.fixtures.ImageArchives;
import dev.portcullis.image.fixtures.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer entry lists are kept only on request, and a requested file keeps its content in every layer. */
class ImageOpenerLayerEntriesTest {

    @TempDir
    Path work;

    @Test
    void shouldListEveryLayerWhenAsked() throws Exception {
        try (OpenedImage image = new ImageOpener(ImageOptions.defaults())
                .openWithLayerEntries(image().toString(), FileRequest.globs("/etc/token"))) {
            assertThat(image.layerEntries(0)).containsExactly(
                    new LayerFileEntry("/etc", FileType.DIRECTORY, 0755, 0, false),
                    new LayerFileEntry("/etc/token", FileType.REGULAR, 0600, 6, true));
            assertThat(image.layerEntries(1)).isEmpty();
            assertThat(image.layerEntries(2)).isEmpty();
            assertThat(image.files().versions("/etc/token")).extracting(FileVersion::layerIndex).containsExactly(0);
            try (var in = image.files().versions("/etc/token").getFirst().open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
            }
        }
    }

    @Test
    void shouldKeepNoLayerListsByDefault() throws Exception {
        try (OpenedImage image = new ImageOpener(ImageOptions.defaults()).open(image().toString(), FileRequest.none())) {
            assertThat(image.layerEntries(0)).isEmpty();
        }
    }

    private Path image() throws IOException {
        Path base = Files.write(work.resolve("base.tar"),
                TarBuilder.tar().directory("etc").file("etc/token", "s3cr3t", 0600).build());
        Path cleanup = Files.write(work.resolve("cleanup.tar"), TarBuilder.tar().file("etc/.wh.token", "").build());
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{}}";
        return ImageArchives.classicDockerArchive(config.getBytes(StandardCharsets.UTF_8), List.of(base, cleanup),
                "example/token:1", work.resolve("token.tar"));
    }
}
