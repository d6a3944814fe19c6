package dev.portcullis.audit.imageconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.secrets.SecretAllowList;
import dev.portcullis.audit.secrets.SecretDetector;
import dev.portcullis.image.Healthcheck;
import dev.portcullis.image.HistoryEntry;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageConfigAuditorTest {

    private static final Healthcheck HEALTHCHECK = new Healthcheck(List.of("CMD", "true"), 0, 0, 0, 0);
    private static final ImageConfig CLEAN = new ImageConfig("linux", "amd64", null, null, "node",
            List.of("PATH=/usr/bin", "NODE_ENV=production"), List.of("3000/tcp"), List.of(), List.of("node"), "/app",
            HEALTHCHECK, Map.of("org.opencontainers.image.source", "https://example.com/app"),
            List.of(new HistoryEntry(null, "|1 NODE_ENV=production /bin/sh -c npm ci", null, false, 1)));

    private final ImageConfigAuditor auditor = new ImageConfigAuditor(new SecretDetector(SecretAllowList.none()));

    static Stream<Arguments> configCases() {
        return Stream.of(
                Arguments.of(AuditRule.RUNS_AS_ROOT, withUser(null), withUser("10001:10001")),
                Arguments.of(AuditRule.RUNS_AS_ROOT, withUser("0:0"), withUser("node")),
                Arguments.of(AuditRule.RUNS_AS_ROOT, withUser("root"), withUser("app")),
                Arguments.of(AuditRule.DEBUGGER_PORT, withPorts("9229/tcp"), withPorts("3000/tcp")),
                Arguments.of(AuditRule.DEBUGGER_PORT, withPorts("5005/tcp"), withPorts("5000/tcp")),
                Arguments.of(AuditRule.NO_HEALTHCHECK, withHealthcheck(null), withHealthcheck(HEALTHCHECK)),
                Arguments.of(AuditRule.NO_HEALTHCHECK, withHealthcheck(new Healthcheck(List.of("NONE"), 0, 0, 0, 0)),
                        withHealthcheck(HEALTHCHECK)),
                Arguments.of(AuditRule.SECRET_IN_ENVIRONMENT, withEnv("DB_PASSWORD=hunter2hunter2"),
                        withEnv("DB_PASSWORD_FILE=/run/secrets/db")),
                Arguments.of(AuditRule.SECRET_IN_BUILD_HISTORY,
                        withHistory("|1 DB_PASSWORD=hunter2hunter2 /bin/sh -c ./migrate.sh"),
                        withHistory("|1 DB_HOST=db /bin/sh -c ./migrate.sh")));
    }

    @ParameterizedTest(name = "{0} [{index}]")
    @MethodSource("configCases")
    void shouldFailAndPassEachConfigRule(AuditRule rule, ImageConfig failing, ImageConfig passing) {
        assertThat(audit(failing)).extracting(Finding::rule).contains(rule);
        assertThat(audit(passing)).extracting(Finding::rule).doesNotContain(rule);
    }

    @Test
    void shouldReportBuildArgumentSecret() {
        List<Finding> findings = audit(withHistory("|1 DB_PASSWORD=hunter2hunter2 /bin/sh -c ./migrate.sh"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(AuditRule.SECRET_IN_BUILD_HISTORY);
            assertThat(f.layerIndex()).isEqualTo(2);
            assertThat(f.message()).isEqualTo(
                    "build argument DB_PASSWORD in the history of layer 2 contains a password hunt****");
        });
    }

    @Test
    void shouldReportNothingForCleanConfig() {
        assertThat(audit(CLEAN)).isEmpty();
    }

    private List<Finding> audit(ImageConfig config) {
        ImageMetadata image = new ImageMetadata("example/app:1", SourceKind.OCI_LAYOUT, null, null, List.of(), config,
                List.of());
        return auditor.audit(image).findings();
    }

    private static ImageConfig withUser(String user) {
        return new ImageConfig("linux", "amd64", null, null, user, CLEAN.env(), CLEAN.exposedPorts(), List.of(),
                CLEAN.cmd(), "/app", HEALTHCHECK, CLEAN.labels(), CLEAN.history());
    }

    private static ImageConfig withPorts(String port) {
        return new ImageConfig("linux", "amd64", null, null, "node", CLEAN.env(), List.of(port), List.of(), CLEAN.cmd(),
                "/app", HEALTHCHECK, CLEAN.labels(), CLEAN.history());
    }

    private static ImageConfig withHealthcheck(Healthcheck healthcheck) {
        return new ImageConfig("linux", "amd64", null, null, "node", CLEAN.env(), CLEAN.exposedPorts(), List.of(),
                CLEAN.cmd(), "/app", healthcheck, CLEAN.labels(), CLEAN.history());
    }

    private static ImageConfig withEnv(String variable) {
        return new ImageConfig("linux", "amd64", null, null, "node", List.of(variable), CLEAN.exposedPorts(), List.of(),
                CLEAN.cmd(), "/app", HEALTHCHECK, CLEAN.labels(), CLEAN.history());
    }

    private static ImageConfig withHistory(String createdBy) {
        return new ImageConfig("linux", "amd64", null, null, "node", CLEAN.env(), CLEAN.exposedPorts(), List.of(),
                CLEAN.cmd(), "/app", HEALTHCHECK, CLEAN.labels(),
                List.of(new HistoryEntry(null, createdBy, null, false, 2)));
    }
}
