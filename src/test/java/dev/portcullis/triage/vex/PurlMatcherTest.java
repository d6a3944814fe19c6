package dev.portcullis.triage.vex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurlMatcherTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pkg:npm/lodash@4.17.15                         | pkg:npm/lodash@4.17.15                                   | true
            pkg:npm/lodash                                 | pkg:npm/lodash@4.17.15                                   | true
            pkg:npm/lodash@4.17.21                         | pkg:npm/lodash@4.17.15                                   | false
            pkg:deb/debian/openssl@3.0.15-1~deb12u1        | pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12 | true
            pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=arm64 | pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64   | false
            pkg:apk/alpine/libcrypto3@3.0.8-r3?arch=x86_64&upstream=openssl&distro=alpine-3.17.3 | pkg:apk/alpine/libcrypto3@3.0.8-r3?distro=alpine-3.17.3&arch=x86_64 | true
            pkg:maven/org.springframework.boot/spring-boot@2.6.0?repository_url=https://repo.example | pkg:maven/org.springframework.boot/spring-boot@2.6.0 | true
            pkg:maven/org.other/spring-boot@2.6.0          | pkg:maven/org.springframework.boot/spring-boot@2.6.0     | false
            """)
    void shouldCompareWithQualifiersNormalized(String statement, String pkg, boolean expected) {
        assertThat(PurlMatcher.matches(statement, pkg)).isEqualTo(expected);
    }
}
