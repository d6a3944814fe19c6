package dev.portcullis.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePurlTest {

    private static final String DIGEST = "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";
    private static final String ENCODED = "sha256%3A5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "REGISTRY       | registry:ghcr.io/acme/API:1.4          | ghcr.io/acme/API",
        "REGISTRY       | registry:localhost:5000/api@" + DIGEST + " | localhost:5000/api",
        "OCI_LAYOUT     | oci:images/shop-api:1.4                | images/shop-api",
        "DOCKER_ARCHIVE | build/shop-api.tar                     | build/shop-api.tar",
        "ROOTFS         | dir:/srv/rootfs                        | /srv/rootfs",
    })
    void shouldStripPrefixTagAndDigest(SourceKind kind, String reference, String repository) {
        assertThat(ImagePurl.repository(reference, kind)).isEqualTo(repository);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "REGISTRY       | registry:ghcr.io/acme/API:1.4 | pkg:oci/api@" + ENCODED + "?arch=amd64&repository_url=ghcr.io%2Facme%2Fapi",
        "OCI_LAYOUT     | oci:images/shop-api:1.4       | pkg:oci/shop-api@" + ENCODED + "?arch=amd64",
        "DOCKER_ARCHIVE | build/shop-api.tar            | pkg:oci/shop-api@" + ENCODED + "?arch=amd64",
    })
    void shouldBuildOciPurl(SourceKind kind, String reference, String purl) {
        ImageMetadata image = new ImageMetadata(reference, kind, DIGEST, null, List.of(), amd64(), List.of());

        assertThat(ImagePurl.of(image)).contains(purl);
    }

    @Test
    void shouldGiveNoPurlWithoutDigest() {
        ImageMetadata image = new ImageMetadata("dir:/srv/rootfs", SourceKind.ROOTFS, null, null, List.of(), amd64(), List.of());

        assertThat(ImagePurl.of(image)).isEmpty();
    }

    private static ImageConfig amd64() {
        ImageConfig empty = ImageConfig.empty();
        return new ImageConfig("linux", "amd64", null, null, null, empty.env(), empty.exposedPorts(),
                empty.entrypoint(), empty.cmd(), null, null, empty.labels(), empty.history());
    }
}
