package dev.portcullis.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackageUrlsTest {

    static Stream<Arguments> packages() {
        Distro debian = new Distro("debian", "12", "bookworm", null);
        Distro rhel = new Distro("rhel", "8.10", null, null);
        Distro sid = new Distro("debian", null, null, null);
        return Stream.of(
                Arguments.of(PackageType.DEB, debian, "libc6", "2.36-9+deb12u7", qualifiers("arch", "amd64"),
                        "pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12"),
                Arguments.of(PackageType.APK, new Distro("alpine", "3.17.0", null, null), "musl", "1.2.3-r0",
                        qualifiers("arch", "x86_64"), "pkg:apk/alpine/musl@1.2.3-r0?arch=x86_64&distro=alpine-3.17.0"),
                Arguments.of(PackageType.RPM, rhel, "openssl-libs", "1.1.1k-12.el8_9",
                        qualifiers("arch", "x86_64", "epoch", "1"),
                        "pkg:rpm/redhat/openssl-libs@1.1.1k-12.el8_9?arch=x86_64&distro=rhel-8.10&epoch=1"),
                Arguments.of(PackageType.DEB, sid, "bash", "5.2.37-1", qualifiers("arch", "arm64"),
                        "pkg:deb/debian/bash@5.2.37-1?arch=arm64&distro=debian"),
                Arguments.of(PackageType.DEB, Distro.UNKNOWN, "zlib1g", "1:1.3.dfsg-3.1ubuntu2.1",
                        qualifiers("arch", "amd64", "upstream", null),
                        "pkg:deb/zlib1g@1%3A1.3.dfsg-3.1ubuntu2.1?arch=amd64"));
    }

    @ParameterizedTest(name = "{5}")
    @MethodSource("packages")
    void shouldBuildCanonicalPurl(PackageType type, Distro distro, String name, String version,
            Map<String, String> qualifiers, String expected) {
        assertThat(PackageUrls.distroPackage(type, distro, name, version, qualifiers)).isEqualTo(expected);
    }

    private static Map<String, String> qualifiers(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
