package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:18a08068c55a5398ab82046286bbcfc27145116a9a2125aaa25d00687177c536";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            node:20                               | docker.io          | registry-1.docker.io | library/node  | 20     | -
            node                                  | docker.io          | registry-1.docker.io | library/node  | latest | -
            user/app                              | docker.io          | registry-1.docker.io | user/app      | latest | -
            docker.io/library/node:20             | docker.io          | registry-1.docker.io | library/node  | 20     | -
            index.docker.io/user/app:2            | docker.io          | registry-1.docker.io | user/app      | 2      | -
            registry.example/team/app:1.4         | registry.example   | registry.example     | team/app      | 1.4    | -
            registry.example:8443/a/b/c:v1_x-y.z  | registry.example:8443 | registry.example:8443 | a/b/c     | v1_x-y.z | -
            localhost:5000/x                      | localhost:5000     | localhost:5000       | x             | latest | -
            localhost/x:1                         | localhost          | localhost            | x             | 1      | -
            127.0.0.1:5000/demo:1                 | 127.0.0.1:5000     | 127.0.0.1:5000       | demo          | 1      | -
            ghcr.io/org/app@sha256:18a08068c55a5398ab82046286bbcfc27145116a9a2125aaa25d00687177c536 | ghcr.io | ghcr.io | org/app | - | sha256:18a08068c55a5398ab82046286bbcfc27145116a9a2125aaa25d00687177c536
            node:20@sha256:18a08068c55a5398ab82046286bbcfc27145116a9a2125aaa25d00687177c536 | docker.io | registry-1.docker.io | library/node | 20 | sha256:18a08068c55a5398ab82046286bbcfc27145116a9a2125aaa25d00687177c536
            my_org/my__app-x:1                    | docker.io          | registry-1.docker.io | my_org/my__app-x | 1   | -
            """)
    void shouldParseReference(String text, String registry, String endpoint, String repository, String tag,
            String digest) throws ImageException {
        ImageReference ref = ImageReference.parse(text);

        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.endpoint()).isEqualTo(endpoint);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node:20                     | docker.io/library/node:20
            127.0.0.1:5000/demo         | 127.0.0.1:5000/demo:latest
            registry.example/a@DIGEST   | registry.example/a@DIGEST
            """)
    void shouldPrintCanonicalForm(String text, String expected) throws ImageException {
        assertThat(ImageReference.parse(text.replace("DIGEST", DIGEST)).toString())
                .isEqualTo(expected.replace("DIGEST", DIGEST));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '   '                            | Image reference is empty
            Node:20                          | repository names must be lowercase
            registry.example/Team/app        | repository names must be lowercase
            app:-bad                         | Invalid tag '-bad'
            app:                             | Invalid tag ''
            app@sha256:1234                  | Invalid digest 'sha256:1234'
            app@md5:0123456789abcdef0123456789abcdef | only sha256 digests are supported
            registry.example/                | has no repository name
            registry.example/team//app       | Invalid repository 'team//app'
            bad_host.example:5000/app        | Invalid registry host 'bad_host.example:5000'
            """)
    void shouldRejectInvalidReference(String text, String message) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(message);
    }
}
