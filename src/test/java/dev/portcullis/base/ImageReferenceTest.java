package dev.portcullis.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            node,                                       docker.io,       library/node,          latest,                 -
            node:20.18.0-bookworm-slim,                 docker.io,       library/node,          20.18.0-bookworm-slim,  -
            library/node:20,                            docker.io,       library/node,          20,                     -
            docker.io/library/node:20,                  docker.io,       library/node,          20,                     -
            index.docker.io/library/debian:12,          docker.io,       library/debian,        12,                     -
            bitnami/node:20,                            docker.io,       bitnami/node,          20,                     -
            ghcr.io/acme/app:1.2,                       ghcr.io,         acme/app,              1.2,                    -
            localhost:5000/app,                         localhost:5000,  app,                   latest,                 -
            localhost/app:dev,                          localhost,       app,                   dev,                    -
            registry.example:443/team/base/img:v1,      registry.example:443, team/base/img,    v1,                     -
            node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, docker.io, library/node, -, sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            node:20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, docker.io, library/node, 20, sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            """)
    void shouldSplitReference(String text, String registry, String repository, String tag, String digest) {
        ImageReference reference = ImageReference.parse(text);

        assertThat(reference.registry()).isEqualTo(registry);
        assertThat(reference.repository()).isEqualTo(repository);
        assertThat(reference.tag()).isEqualTo(tag);
        assertThat(reference.digest()).isEqualTo(digest);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Node:20", "node:", "node:-x", "node@sha256:abc", "a//b", "node:20 slim", ""})
    void shouldRejectInvalidReference(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid image reference");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            node:20,                                node
            docker.io/library/nginx,                nginx
            bitnami/node:20,                        -
            ghcr.io/acme/node:20,                   -
            mirror.gcr.io/library/node:20,          node
            public.ecr.aws/docker/library/node:20,  node
            127.0.0.1:5000/library/node:20,         node
            127.0.0.1:5000/library/tools/node:20,   -
            """)
    void shouldNameOfficialImage(String text, String expected) {
        assertThat(ImageReference.parse(text).officialName()).isEqualTo(expected);
    }
}
