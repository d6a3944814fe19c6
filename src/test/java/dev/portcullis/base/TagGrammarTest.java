package dev.portcullis.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagGrammarTest {

    private final TagGrammar grammar = new TagGrammar();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            node:20.18.0-bookworm-slim,         NODE,            20.18.0,  slim,        debian,  bookworm
            node:20-alpine3.20,                 NODE,            20,       alpine,      alpine,  3.20
            node:20-alpine,                     NODE,            20,       alpine,      alpine,  -
            node:lts,                           NODE,            lts,      -,           debian,  -
            node:current-slim,                  NODE,            current,  slim,        debian,  -
            node:20,                            NODE,            20,       -,           debian,  -
            node:iron-bullseye,                 NODE,            iron,     -,           debian,  bullseye
            node,                               NODE,            latest,   -,           debian,  -
            debian:12,                          DEBIAN,          -,        -,           debian,  12
            debian:bookworm,                    DEBIAN,          -,        -,           debian,  bookworm
            debian:bookworm-slim,               DEBIAN,          -,        slim,        debian,  bookworm
            debian:12.7,                        DEBIAN,          -,        -,           debian,  12.7
            debian:stable-slim,                 DEBIAN,          -,        slim,        debian,  -
            ubuntu:22.04,                       UBUNTU,          -,        -,           ubuntu,  22.04
            ubuntu:jammy,                       UBUNTU,          -,        -,           ubuntu,  jammy
            ubuntu:jammy-20240808,              UBUNTU,          -,        20240808,    ubuntu,  jammy
            alpine:3.20,                        ALPINE,          -,        -,           alpine,  3.20
            alpine:3.20.3,                      ALPINE,          -,        -,           alpine,  3.20.3
            alpine:edge,                        ALPINE,          -,        -,           alpine,  -
            eclipse-temurin:21-jre-jammy,       ECLIPSE_TEMURIN, 21,       jre,         ubuntu,  jammy
            eclipse-temurin:21.0.4_7-jdk,       ECLIPSE_TEMURIN, 21.0.4_7, jdk,         ubuntu,  -
            eclipse-temurin:21-jre-ubi9-minimal, ECLIPSE_TEMURIN, 21,      jre|minimal, ubi,     9
            python:3.12-slim-bookworm,          PYTHON,          3.12,     slim,        debian,  bookworm
            python:3.12.4-alpine3.20,           PYTHON,          3.12.4,   alpine,      alpine,  3.20
            golang:1.22-bookworm,               GOLANG,          1.22,     -,           debian,  bookworm
            nginx:1.27-alpine,                  NGINX,           1.27,     alpine,      alpine,  -
            nginx:1.27.1-bookworm,              NGINX,           1.27.1,   -,           debian,  bookworm
            postgres:16-bookworm,               POSTGRES,        16,       -,           debian,  bookworm
            postgres:16.4-alpine3.20,           POSTGRES,        16.4,     alpine,      alpine,  3.20
            node:20-windowsservercore-ltsc2022, NODE,            20,       windowsservercore|ltsc2022, windows, -
            gcr.io/distroless/nodejs20-debian12, NODE,           20,       distroless, debian,  12
            gcr.io/distroless/nodejs22-debian12:nonroot, NODE,   22,       distroless|nonroot, debian, 12
            gcr.io/distroless/java21-debian12:debug-nonroot, DEBIAN, -,    distroless|debug|nonroot, debian, 12
            gcr.io/distroless/static-debian12,  DEBIAN,          -,        distroless,  debian,  12
            gcr.io/distroless/python3-debian12, DEBIAN,          -,        distroless,  debian,  12
            gcr.io/distroless/base-nossl-debian12, DEBIAN,       -,        distroless,  debian,  12
            """)
    void shouldReadTagOfEachFamily(String text, ImageFamily family, String runtime, String variants, String distro, String release) {
        BaseImageTag tag = grammar.read(ImageReference.parse(text));

        assertThat(tag.family()).isEqualTo(family);
        assertThat(tag.runtimeVersion()).isEqualTo(runtime);
        assertThat(tag.variants()).isEqualTo(variants == null ? List.of() : Arrays.asList(variants.split("\\|")));
        assertThat(tag.distro()).isEqualTo(distro);
        assertThat(tag.distroRelease()).isEqualTo(release);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            bitnami/node:20,                       20,     -
            ghcr.io/acme/app:1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, 1.2, sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            redis:7-alpine,                        7-alpine, -
            node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, -, sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            """)
    void shouldKeepUnknownImageWithTagAndDigest(String text, String tag, String digest) {
        BaseImageTag read = grammar.read(ImageReference.parse(text));

        assertThat(read.isKnown()).isFalse();
        assertThat(read.reference().tag()).isEqualTo(tag);
        assertThat(read.reference().digest()).isEqualTo(digest);
    }
}
