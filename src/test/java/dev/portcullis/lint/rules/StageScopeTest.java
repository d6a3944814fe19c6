package dev.portcullis.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.Instruction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageScopeTest {

    private static final String FILE = """
            ARG VERSION=1.2
            ARG UNUSED=x
            FROM debian:12 AS base
            ENV HOME_DIR=/srv APP="my app"
            FROM base AS build
            ARG VERSION
            ARG MODE=release-${VERSION}
            ENV MODE=fixed
            RUN echo here
            FROM debian:12
            RUN echo final
            """;

    private static Instruction run(Dockerfile dockerfile, String text) {
        return dockerfile.effectiveInstructions().stream().filter(instruction -> instruction.text().equals(text))
                .findFirst().orElseThrow();
    }

    @Test
    void shouldScopeVariablesLikeBuildKit() throws Exception {
        Dockerfile dockerfile = new DockerfileReader().read("Dockerfile", FILE);

        Map<String, String> build = StageScope.variables(dockerfile, run(dockerfile, "echo here"));
        Map<String, String> last = StageScope.variables(dockerfile, run(dockerfile, "echo final"));

        assertThat(build).containsEntry("VERSION", "1.2").containsEntry("HOME_DIR", "/srv").containsEntry("APP", "my app")
                .containsEntry("MODE", "fixed").doesNotContainKey("UNUSED");
        assertThat(last).isEmpty();
    }

    @Test
    void shouldFindShippedStages() throws Exception {
        Dockerfile dockerfile = new DockerfileReader().read("Dockerfile",
                "FROM a:1 AS one\nFROM one AS two\nFROM b:1 AS other\nFROM two\n");

        assertThat(StageScope.shippedStages(dockerfile)).containsExactlyInAnyOrder(0, 1, 3);
    }

    @Test
    void shouldExpandKnownVariablesOnly() {
        assertThat(StageScope.expand("git-core-${version}-$arch$", Map.of("version", "2.51"))).isEqualTo("git-core-2.51-$arch$");
    }
}
