package dev.portcullis.lint.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfileReaderTest {

    private static final String MULTI_STAGE = """
            # syntax=docker/dockerfile:1
            # check=skip=JSONArgsRecommended
            ARG NODE=20
            FROM --platform=$BUILDPLATFORM node:${NODE} AS build
            RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npmrc npm ci
            ONBUILD COPY --chown=app:app --chmod=644 --link . /app
            FROM gcr.io/distroless/nodejs20 AS final
            COPY --from=build /app /app
            HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "health.js"]
            """;

    @Test
    void shouldGroupInstructionsIntoStages() throws Exception {
        Dockerfile dockerfile = new DockerfileReader().read("Dockerfile", MULTI_STAGE);

        assertThat(dockerfile.globalArgs()).extracting(Instruction::text).containsExactly("NODE=20");
        assertThat(dockerfile.stages()).hasSize(2);
        assertThat(dockerfile.stages().get(0).name()).contains("build");
        assertThat(dockerfile.stages().get(0).baseImage()).contains("node:20");
        assertThat(dockerfile.stages().get(0).from().arguments().getFirst()).isEqualTo("node:${NODE}");
        assertThat(dockerfile.finalStage().orElseThrow().name()).contains("final");
        assertThat(dockerfile.stage("BUILD").orElseThrow().index()).isZero();
        assertThat(dockerfile.stage("1").orElseThrow().name()).contains("final");
        assertThat(dockerfile.directives().syntax()).contains("docker/dockerfile:1");
        assertThat(dockerfile.directives().check()).contains("skip=JSONArgsRecommended");
    }

    @Test
    void shouldReadFlags() throws Exception {
        Dockerfile dockerfile = new DockerfileReader().read("Dockerfile", MULTI_STAGE);
        Instruction from = dockerfile.stages().get(0).from();
        Instruction run = dockerfile.stages().get(0).instructions().get(0);
        Instruction copy = dockerfile.stages().get(0).instructions().get(1).effective();
        Instruction healthcheck = dockerfile.stages().get(1).instructions().get(1);

        assertThat(from.flag("platform")).contains("$BUILDPLATFORM");
        assertThat(run.flags("mount")).containsExactly("type=cache,target=/root/.npm", "type=secret,id=npmrc");
        assertThat(copy.onbuild()).isTrue();
        assertThat(copy.flag("chown")).contains("app:app");
        assertThat(copy.flag("chmod")).contains("644");
        assertThat(copy.flag("link")).contains("");
        assertThat(healthcheck.flag("interval")).contains("30s");
        assertThat(healthcheck.arguments()).containsExactly("CMD", "node", "health.js");
        assertThat(healthcheck.json()).isTrue();
    }

    @Test
    void shouldKeepSourceRanges() throws Exception {
        Dockerfile dockerfile = new DockerfileReader().read("Dockerfile", "FROM alpine:3.20\n  RUN echo a \\\n    b\n");

        SourceRange range = dockerfile.stages().getFirst().instructions().getFirst().range();

        assertThat(range).isEqualTo(new SourceRange(2, 3, 3, 5));
    }
}
