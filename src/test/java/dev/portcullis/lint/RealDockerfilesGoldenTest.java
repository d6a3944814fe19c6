package dev.portcullis.lint;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.format.JsonFormatter;
import dev.portcullis.lint.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lints every real Dockerfile of the shared fixtures, {@code ../shared/fixtures/lint/real/*Dockerfile}
 * and {@code ../shared/fixtures/manifests/dockerfiles/*.Dockerfile}, and compares the findings with
 * the reviewed golden JSON in {@code src/test/resources/lint/real/}. The rules run without ShellCheck,
 * so the result is the same on machines without it. Run with {@code -Dlint.golden.write=true} to
 * rewrite the golden files after a reviewed change.
 *
 * <p>Review of the findings, one by one: the files show the usual gaps of real images (no USER, no
 * HEALTHCHECK, unpinned apk and apt packages, npm as PID 1, {@code as} in lower case after FROM).
 * Three findings were judged wrong and the rules fixed:
 * <ul>
 *   <li>PC-D901 reported {@code java} as PID 1 in spring-postgres. The JVM handles SIGTERM itself and
 *       runs its shutdown hooks, so {@code java} no longer needs an init process. The message now
 *       states the real PID 1 problem (SIGTERM ignored unless handled, orphans never reaped) instead
 *       of "does not forward signals", which is wrong for a program started directly.</li>
 *   <li>PC-D025 on {@code HEALTHCHECK CMD node -e ...} in product-explorer claimed signals would not reach
 *       the process. Hadolint reports this case too, so the finding stays, but its message now names
 *       the real cost: the shell form needs {@code /bin/sh} in the image.</li>
 *   <li>PC-D067 on {@code COPY --from=gloursdocker/docker / /} in spring-postgres spoke of "another
 *       stage" while the source is an image; the title now says "stage or image". The finding itself
 *       is right: the copy lays a whole image over the root of the dev stage.</li>
 * </ul>
 * Judged right and kept: PC-D045 on {@code COPY requirements.txt .} with no WORKDIR in emailservice
 * (the destination depends on the base image's WORKDIR), PC-D902 on {@code npm install} in the
 * nestjs-boilerplate development images (the rule cannot know the image is for development), PC-D906
 * on distroless static (its default user is root) and PC-D019 in the immich builder stage (the index
 * cache bloats the builder's layers even though they do not ship).
 */
class RealDockerfilesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/lint/real");

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            ../shared/fixtures/lint/real/awesome-compose__nginx-nodejs-redis__web.Dockerfile
            ../shared/fixtures/lint/real/awesome-compose__react-express-mongodb__backend.Dockerfile
            ../shared/fixtures/lint/real/awesome-compose__spring-postgres__backend.Dockerfile
            ../shared/fixtures/lint/real/immich__server.Dockerfile
            ../shared/fixtures/lint/real/jhipster-sample-app__Dockerfile
            ../shared/fixtures/lint/real/juice-shop__Dockerfile
            ../shared/fixtures/lint/real/microservices-demo__adservice.Dockerfile
            ../shared/fixtures/lint/real/microservices-demo__currencyservice.Dockerfile
            ../shared/fixtures/lint/real/microservices-demo__paymentservice.Dockerfile
            ../shared/fixtures/lint/real/nestjs-boilerplate__Dockerfile
            ../shared/fixtures/lint/real/nestjs-boilerplate__relational.e2e.Dockerfile
            ../shared/fixtures/lint/real/product-explorer-backend-nestjs__Dockerfile
            ../shared/fixtures/manifests/dockerfiles/adservice.Dockerfile
            ../shared/fixtures/manifests/dockerfiles/checkoutservice.Dockerfile
            ../shared/fixtures/manifests/dockerfiles/currencyservice.Dockerfile
            ../shared/fixtures/manifests/dockerfiles/emailservice.Dockerfile
            ../shared/fixtures/manifests/dockerfiles/frontend.Dockerfile
            ../shared/fixtures/manifests/dockerfiles/paymentservice.Dockerfile
            """)
    void shouldMatchReviewedFindings(String path) throws Exception {
        Path file = Path.of(path);
        String name = file.getFileName().toString();
        Dockerfile dockerfile = new DockerfileReader().read(name, Files.readString(file));

        List<Finding> findings = new Linter(RuleCatalog.all()).lint(dockerfile, LintConfig.defaults());
        String json = new JsonFormatter().format(List.of(new LintResult(name, findings)));

        Path golden = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("lint.golden.write")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, json);
        }
        assertThatJson(json).isEqualTo(Files.readString(golden));
    }
}
