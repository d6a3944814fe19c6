package dev.portcullis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lints the real Dockerfiles in {@code ../shared/fixtures/lint/real/} and checks the findings their
 * notes in {@code SOURCES.tsv} call for, and findings that must not appear.
 */
class RealDockerfilesTest {

    private static final Path REAL = Path.of("../shared/fixtures/lint/real");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            awesome-compose__react-express-mongodb__backend.Dockerfile | PC-D906 PC-D057 PC-D902 PC-D901     | PC-D002
            awesome-compose__spring-postgres__backend.Dockerfile       | PC-D067 PC-D906 PC-D057 PC-D008     | PC-D009 PC-D015 PC-D029
            awesome-compose__nginx-nodejs-redis__web.Dockerfile        | PC-D906 PC-D901 PC-D902             | PC-D025
            microservices-demo__adservice.Dockerfile                   | PC-D406 PC-D018 PC-D906             | PC-D902
            nestjs-boilerplate__Dockerfile                             | PC-D016 PC-D003 PC-D059 PC-D906 PC-D057 PC-D901 | PC-D002
            jhipster-sample-app__Dockerfile                            | PC-D020 PC-D057                     | PC-D906
            product-explorer-backend-nestjs__Dockerfile                | PC-D902 PC-D025                     | PC-D901 PC-D906 PC-D057
            immich__server.Dockerfile                                  | PC-D019 PC-D906                     | PC-D902
            """)
    void shouldFindWhatTheNotesDescribe(String file, String expected, String absent) throws Exception {
        var dockerfile = new DockerfileReader().read(REAL.resolve(file));

        List<Finding> findings = new Linter(RuleCatalog.all()).lint(dockerfile, LintConfig.defaults());

        Set<String> ids = Set.copyOf(findings.stream().map(finding -> finding.rule().id()).toList());
        assertThat(ids).containsAll(List.of(expected.split("\\s+")));
        assertThat(ids).doesNotContainAnyElementsOf(List.of(absent.split("\\s+")));
    }
}
