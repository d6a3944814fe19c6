package dev.portcullis.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    @TempDir
    Path work;

    @BeforeEach
    void createInputs() throws Exception {
        Files.createDirectories(work.resolve("layout"));
        Files.writeString(work.resolve("image.tar"), "x");
        Files.writeString(work.resolve("odd:name.tar"), "x");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        "layout, null, layout, null",
        "layout:v1, null, layout, v1",
        "oci:layout:v1, OCI_LAYOUT, layout, v1",
        "oci-archive:image.tar, OCI_ARCHIVE, image.tar, null",
        "docker-archive:image.tar:demo:1, DOCKER_ARCHIVE, image.tar, demo:1",
        "image.tar:@1, null, image.tar, @1",
        "dir:layout, ROOTFS, layout, null",
        "odd:name.tar, null, odd:name.tar, null",
    })
    void shouldParseReference(String text, SourceKind kind, String path, String tag) throws Exception {
        ImageReference reference = ImageReference.parse(prefixed(text));

        assertThat(reference.forcedKind()).isEqualTo(kind);
        assertThat(reference.path()).isEqualTo(work.resolve(path));
        assertThat(reference.tag()).isEqualTo(tag);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "missing.tar, not found",
        "dir:layout:v1, not found",
        "registry:alpine:3, registry images are not read",
    })
    void shouldRejectReference(String text, String message) {
        assertThatThrownBy(() -> ImageReference.parse(prefixed(text)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(message);
    }

    /** Puts the work folder in front of the path part, after any prefix. */
    private String prefixed(String text) {
        for (String prefix : new String[] {"oci-archive:", "oci:", "docker-archive:", "dir:"}) {
            if (text.startsWith(prefix)) {
                return prefix + work + "/" + text.substring(prefix.length());
            }
        }
        return text.startsWith("registry:") ? text : work + "/" + text;
    }
}
