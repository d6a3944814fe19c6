package dev.portcullis.report.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.ImageConfig;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildChecksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "node:20-bookworm-slim,               APT,  add RUN apt-get update && apt-get upgrade -y",
        "node:20-alpine,                      APK,  add RUN apk upgrade --no-cache"
    })
    void shouldAdviseUpgradeForFinalBase(String base, PackageManager manager, String expectedFix) throws Exception {
        var dockerfile = new DockerfileReader().read("Dockerfile", "FROM node:20 AS build\nRUN npm ci\nFROM " + base
                + "\nCOPY --from=build /app /app\n");

        Check upgrade = BuildChecks.of(dockerfile, ImageConfig.empty(), manager).get(1);

        assertThat(upgrade.name()).isEqualTo("packages upgraded at build");
        assertThat(upgrade.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(upgrade.fix()).startsWith(expectedFix);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gcr.io/distroless/nodejs20-debian12", "scratch"})
    void shouldLeaveUpgradeUndecidedWithoutPackageManager(String base) throws Exception {
        var dockerfile = new DockerfileReader().read("Dockerfile", "FROM node:20 AS build\nRUN npm ci\nFROM " + base
                + "\nCOPY --from=build /app /app\n");

        Check upgrade = BuildChecks.of(dockerfile, ImageConfig.empty(), PackageManager.NONE).get(1);

        assertThat(upgrade.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(upgrade.evidence()).isEqualTo("the final image has no package manager, so its packages change only"
                + " when it is rebuilt on a newer base digest");
        assertThat(upgrade.fix()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RUN apt-get update && apt-get upgrade -y|APT",
        "RUN apk upgrade --no-cache|APK"
    })
    void shouldPassWithUpgradeStep(String run, PackageManager manager) throws Exception {
        var dockerfile = new DockerfileReader().read("Dockerfile", "FROM debian:12\n" + run + "\n");

        List<Check> checks = BuildChecks.of(dockerfile, ImageConfig.empty(), manager);

        assertThat(checks.get(1).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(checks.get(1).fix()).isNull();
    }
}
