package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.ImageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryErrorsTest {

    @ParameterizedTest(name = "HTTP {0} for {1}")
    @CsvSource(delimiter = '|', textBlock = """
            403 | manifest 1     | DENIED: no       | Registry r.example denied access to r.example/team/app:1 (HTTP 403, DENIED: no). Ask for pull permission on team/app
            404 | manifest 1     | MANIFEST_UNKNOWN: x | Image r.example/team/app:1 not found on registry r.example: the repository or tag does not exist (HTTP 404, MANIFEST_UNKNOWN: x). Check the name and tag
            404 | blob sha256:ab | BLOB_UNKNOWN: y  | Registry r.example has no blob sha256:ab of r.example/team/app:1 (HTTP 404, BLOB_UNKNOWN: y). The image is incomplete on the registry: push it again
            429 | manifest 1     | TOOMANYREQUESTS: z | Registry r.example limited the request rate for r.example/team/app:1 (HTTP 429) on all 4 attempts. Wait, or log in for a higher limit, then try again
            503 | blob sha256:ab | UNAVAILABLE: w   | Registry r.example failed with HTTP 503 for blob sha256:ab of r.example/team/app:1 on all 4 attempts: UNAVAILABLE: w. Try again later
            418 | manifest 1     | teapot           | Registry r.example returned HTTP 418 for manifest 1 of r.example/team/app:1: teapot
            """)
    void shouldDescribeStatus(int status, String what, String detail, String expected) throws ImageException {
        ImageReference ref = ImageReference.parse("r.example/team/app:1");

        assertThat(RegistryErrors.forStatus("r.example", ref, what, status, detail, 4).getMessage()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]} | NAME_UNKNOWN: repository name not known to registry
            <html>  Bad   gateway </html>                                                          | <html> Bad gateway </html>
            """)
    void shouldExtractErrorDetail(String body, String expected) {
        assertThat(RegistryErrors.detail(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }
}
