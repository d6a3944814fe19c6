package dev.portcullis.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintConfigLoaderTest {

    @TempDir
    Path dir;

    private static final RuleInfo DL3008 = new RuleInfo("PC-D008", Optional.of("DL3008"), Optional.empty(), Optional.empty(), Severity.WARNING,
            "Pin versions", true);
    private static final RuleInfo DL1001 = new RuleInfo("PC-D101", Optional.of("DL1001"), Optional.empty(), Optional.empty(), Severity.INFO,
            "No ignore comments", false);

    @Test
    void shouldReadEveryKey() throws Exception {
        Path file = dir.resolve(".portcullis.yaml");
        Files.writeString(file, """
                lint:
                  rules:
                    DL3008: off
                    PC-D101: error
                  trusted-registries: [docker.io, "*.corp.example"]
                  labels:
                    required:
                      maintainer: email
                      org.opencontainers.image.created: rfc3339
                    strict: true
                """);

        LintConfig config = new LintConfigLoader().load(file);

        assertThat(config.enabled(DL3008)).isFalse();
        assertThat(config.enabled(DL1001)).isTrue();
        assertThat(config.severity(DL1001)).isEqualTo(Severity.ERROR);
        assertThat(config.severity(DL3008)).isEqualTo(Severity.WARNING);
        assertThat(config.trustedRegistries()).containsExactly("docker.io", "*.corp.example");
        assertThat(config.requiredLabels()).isEqualTo(Map.of("maintainer", LabelType.EMAIL,
                "org.opencontainers.image.created", LabelType.RFC3339));
        assertThat(config.strictLabels()).isTrue();
    }

    @Test
    void shouldReadTopLevelKeysWithoutLintSection() throws Exception {
        Path file = dir.resolve("lint.yaml");
        Files.writeString(file, "rules:\n  DL3008: on\ntrusted-registries:\n  - ghcr.io\n");

        LintConfig config = new LintConfigLoader().load(file);

        assertThat(config.enabled(DL3008)).isTrue();
        assertThat(config.trustedRegistries()).isEqualTo(List.of("ghcr.io"));
    }

    @Test
    void shouldRejectUnknownSeverity() throws Exception {
        Path file = dir.resolve("lint.yaml");
        Files.writeString(file, "rules:\n  DL3008: loud\n");

        assertThatThrownBy(() -> new LintConfigLoader().load(file))
                .isInstanceOf(LintConfigLoader.InvalidConfigException.class)
                .hasMessageContaining("invalid severity \"loud\"");
    }
}
