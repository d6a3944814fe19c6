package dev.portcullis.report.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageManagerTest {

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        // packages as type:name separated by spaces; FROM of the final stage
        "deb:libc6 deb:apt,          node:20-bookworm-slim,                    APT",
        "apk:musl apk:apk-tools,     node:20-alpine,                           APK",
        "deb:libc6 deb:tzdata,       gcr.io/distroless/nodejs20-debian12,      NONE",
        "deb:libc6 deb:tzdata,       node:20-bookworm-slim,                    NONE",
        "apk:musl,                   cgr.dev/chainguard/node,                  NONE",
        "npm:express,                scratch,                                  NONE",
        "npm:express,                gcr.io/distroless/static,                 NONE",
        "npm:express,                alpine:3.20,                              APK",
        "npm:express,                ubuntu:24.04,                             APT",
        "npm:express,                null,                                     NONE"
    })
    void shouldDecideFromImageThenBase(String packages, String baseImage, PackageManager expected) {
        List<Package> found = Arrays.stream(packages.split(" ")).map(PackageManagerTest::pkg).toList();

        assertThat(PackageManager.of(found, baseImage)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "APT, RUN apt-get update && apt-get upgrade -y",
        "APK, RUN apk upgrade --no-cache",
        "NONE, rebuild on the newest base digest, because the final image has no package manager"
    })
    void shouldAdviseUpgradeByPackageManager(PackageManager manager, String expected) {
        assertThat(manager.advice()).contains(expected);
    }

    @ParameterizedTest(name = "{0} gives no apt or apk advice")
    @CsvSource({"NONE"})
    void shouldNotAdviseAptWithoutPackageManager(PackageManager manager) {
        assertThat(manager.advice()).doesNotContain("apt-get").doesNotContain("apk ");
    }

    private static Package pkg(String typeAndName) {
        String[] parts = typeAndName.split(":");
        return new Package(PackageType.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)), parts[1], "1.0", null, null,
                null, "test", List.of(), List.of(), null, List.of(), Map.of());
    }
}
