package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.finding;
import static dev.portcullis.triage.TestFindings.npm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevDependencyCollectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            npm ci --omit=dev                          | true
            npm ci --omit dev && npm cache clean --force | true
            npm install --production                   | true
            yarn install --frozen-lockfile --production | true
            pnpm install --prod                        | true
            npm ci                                     | false
            """)
    void shouldJudgeDevDependencyByFinalStageInstall(String install, boolean omitted) throws Exception {
        Dockerfile dockerfile = new DockerfileReader().read("Dockerfile", """
                FROM node:20 AS build
                WORKDIR /app
                RUN npm ci && npm run build

                FROM node:20-slim
                WORKDIR /app
                COPY --from=build /app/dist ./dist
                RUN %s
                CMD ["node", "dist/main.js"]
                """.formatted(install));
        var typescript = npm("typescript", "5.9.2", Map.of("scope", "dev"));

        var observation = new DevDependencyCollector().collect(finding(typescript, "CVE-2099-0001"),
                new TriageContext(null, null, null, null, dockerfile)).getFirst();

        if (omitted) {
            assertThat(observation.proposed()).isInstanceOfSatisfying(Verdict.NotAffected.class, n ->
                    assertThat(n.justification()).isEqualTo(Justification.COMPONENT_NOT_PRESENT));
            assertThat(observation.evidence().getFirst().details()).containsEntry("line", "8")
                    .containsEntry("file", "Dockerfile");
        } else {
            assertThat(observation.proposed()).isNull();
        }
    }
}
