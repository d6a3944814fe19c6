package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.SourceKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The image and project names that {@code scan --server} uses when {@code --image} and {@code --project} are left out. */
class ServerUploadOptionsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            REGISTRY     | ghcr.io/acme/shop-api:1.2             | -                | ghcr.io/acme/shop-api  | shop-api
            REGISTRY     | node:20                               | -                | node                   | node
            REGISTRY     | localhost:5000/team/app               | -                | localhost:5000/team/app | app
            REGISTRY     | ghcr.io/acme/api@sha256:5b0bcabd1ed2  | -                | ghcr.io/acme/api       | api
            REGISTRY     | ghcr.io/acme/api:1.4                  | other/name:9     | ghcr.io/acme/api       | api
            OCI_LAYOUT   | build/oci:1.4                         | shop/api:1.4     | shop/api               | api
            OCI_LAYOUT   | build/oci:demo-nest-api               | demo-nest-api    | demo-nest-api          | demo-nest-api
            OCI_LAYOUT   | build/oci:1.4                         | 1.4,latest       | build/oci              | oci
            OCI_LAYOUT   | oci:build/oci:1.4                     | 1.4              | build/oci              | oci
            REGISTRY     | registry:node:20                      | -                | node                   | node
            OCI_ARCHIVE  | app-oci.tar                           | v2.0.1-rc1       | app-oci.tar            | app-oci.tar
            DOCKER_ARCHIVE | app.tar                             | -                | app.tar                | app.tar
            """)
    void shouldDeriveNamesFromReference(SourceKind kind, String reference, String tags, String image, String project) {
        List<String> sourceTags = tags == null ? List.of() : Arrays.asList(tags.split(","));
        ImageMetadata metadata = new ImageMetadata(reference, kind, null, null, sourceTags, null, List.of());

        String imageName = ServerUploadOptions.imageName(metadata);

        assertThat(imageName).isEqualTo(image);
        assertThat(ServerUploadOptions.repositoryName(imageName)).isEqualTo(project);
    }
}
