package dev.portcullis.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamDigestTest {

    @ParameterizedTest(name = "{0} in {1} [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            sha256:aa | sha256:aa | ''                  | true
            sha256:bb | sha256:aa | sha256:bb sha256:cc | true
            sha256:dd | sha256:aa | sha256:bb sha256:cc | false
            sha256:bb | sha256:aa | ''                  | false
            """)
    void shouldMatchTagOrPlatformManifest(String pinned, String digest, String platforms, boolean expected) {
        List<String> manifests = platforms.isEmpty() ? List.of() : List.of(platforms.split(" "));

        assertThat(new UpstreamDigest(digest, manifests).contains(pinned)).isEqualTo(expected);
    }
}
