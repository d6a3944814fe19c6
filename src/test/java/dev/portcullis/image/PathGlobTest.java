package dev.portcullis.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "**/package.json, /app/node_modules/a/package.json, true",
        "**/package.json, /package.json, true",
        "**/package.json, /app/package.json.bak, false",
        "**/node_modules/**/package.json, /app/node_modules/@nest/core/package.json, true",
        "**/node_modules/**/package.json, /app/lib/package.json, false",
        "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d/base, true",
        "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d/x/y, false",
        "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status, false",
        "/var/lib/dpkg/info/*.list, /var/lib/dpkg/info/libc6:amd64.list, true",
        "/etc/os-release, /etc/os-release, true",
        "/etc/os-release, /etc/os-release.d, false",
        "'/etc/{os,lsb}-release', /etc/lsb-release, true",
        "/etc/[ab]*, /etc/alpine-release, true",
        "/etc/[ab]*, /etc/centos-release, false",
        "/usr/lib/*-release, /usr/lib/os-release, true",
        "/usr/lib/*-release, /usr/lib/os-release/x, false",
        "/a\\*b, /a*b, true",
        "/a\\*b, /axb, false",
    })
    void shouldMatchLikePathMatcher(String pattern, String path, boolean expected) {
        boolean reference = FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(path));

        assertThat(PathGlob.of(pattern).matches(path)).isEqualTo(expected);
        assertThat(reference).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d/",
        "**/package.json, ''",
        "/etc/os-release, /etc/os-release",
        "'/etc/{os,lsb}-release', /etc/",
        "/a\\*b, /a",
    })
    void shouldReturnLiteralPrefix(String pattern, String prefix) {
        assertThat(PathGlob.of(pattern).literalPrefix()).isEqualTo(prefix);
    }
}
