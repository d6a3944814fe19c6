package dev.portcullis.audit.imageconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.secrets.SecretAllowList;
import dev.portcullis.audit.secrets.SecretDetector;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * History lines from Dockle's TestSensitiveVars cases (../shared/fixtures/lint/dockle-cases.tsv, rule
 * CIS-DI-0010), plus build-argument lines as the classic builder and BuildKit record them.
 */
class HistoryAssignmentsTest {

    private final SecretDetector detector = new SecretDetector(SecretAllowList.none());

    static Stream<Arguments> historyLines() {
        return Stream.of(
                Arguments.of("/bin/sh -c #(nop) ENV PASS=ADMIN", true),
                Arguments.of("/bin/sh -c #(nop) ENV PASS=", false),
                Arguments.of("/bin/sh -c #(nop) ENV PasS=ADMIN", true),
                Arguments.of("/bin/sh -c #(nop) ENV abc=hello password=sensibledata", true),
                Arguments.of("/bin/sh -c #(nop) ENV ABC=hello PASS= ", false),
                Arguments.of("/bin/sh -c SECRET_API_KEY=63AF7AA15067C05616FDDD88A3A2E8F226F0BC06 echo \"data\"", true),
                Arguments.of("/bin/sh -c HELLO=\"PASS=\\\"notThis\\\"\" echo \"false positive\"", false),
                Arguments.of("/bin/sh -c SECRET=myLittleSecret VAR2=VALUE2 VAR3=VALUE3 echo \"Do something\"", true),
                Arguments.of("/bin/sh -c SECRET=\"hello world\"", true),
                Arguments.of("/bin/sh -c echo 'secret = foo;' > test.conf", false),
                // Dockle reports this one, and its own test notes that it should not: it is an echo argument.
                Arguments.of("/bin/sh -c echo 'secret=foo;' > test.conf", false),
                Arguments.of("|1 DB_PASSWORD=hunter2hunter2 /bin/sh -c npm ci", true),
                Arguments.of("RUN |2 NODE_ENV=production NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789"
                        + " /bin/sh -c npm ci # buildkit", true),
                Arguments.of("|1 NODE_ENV=production /bin/sh -c npm ci", false),
                Arguments.of("ARG DB_PASSWORD=postgres", true),
                Arguments.of("ENV API_TOKEN=", false));
    }

    @ParameterizedTest(name = "{0} -> secret {1}")
    @MethodSource("historyLines")
    void shouldFindSecretsInHistoryLines(String createdBy, boolean secret) {
        boolean found = HistoryAssignments.read(createdBy).stream()
                .anyMatch(a -> detector.inspectAssignment(a.name(), a.value()).isPresent());

        assertThat(found).isEqualTo(secret);
    }
}
