package dev.portcullis.audit.compose;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;

import dev.portcullis.audit.AuditConfig;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.Auditor;
import dev.portcullis.audit.output.AuditJsonWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Audits the real compose files of ../shared/fixtures/lint/real (docker/awesome-compose, nestjs-boilerplate,
 * spring-petclinic, jhipster-sample-app, a hardened template) and compares the JSON report with golden files
 * that were reviewed by hand. The environment is empty, so unset variables read as empty strings.
 */
class RealComposeFilesTest {

    private static final Path REAL = Path.of("../shared/fixtures/lint/real");
    private static final Path GOLDEN = Path.of("src/test/resources/dev/portcullis/audit/compose/golden");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "awesome-compose__nginx-nodejs-redis__docker-compose.yml",
        "awesome-compose__react-express-mongodb__compose.yaml",
        "awesome-compose__spring-postgres__compose.yaml",
        "hardened-template__compose.yml",
        "nestjs-boilerplate__docker-compose.yaml",
        "spring-petclinic__docker-compose.yml",
        "jhipster-sample-app__app.yml",
        "jhipster-sample-app__mysql.yml"})
    void shouldMatchReviewedGoldenReport(String file) throws Exception {
        AuditResult result = new Auditor(AuditConfig.defaults())
                .auditCompose(List.of(REAL.resolve(file)), ComposeOptions.defaults());
        StringWriter json = new StringWriter();
        new AuditJsonWriter().write(result, json);
        Path golden = GOLDEN.resolve(file + ".json");
        if (Boolean.getBoolean("portcullis.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, json.toString(), StandardCharsets.UTF_8);
        }

        assertThatJson(json.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
