package dev.portcullis.audit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditConfig;
import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Auditor;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules that only compose files can break, and compose forms of the container rules. */
class ComposeChecksTest {

    private static final String SERVICE = "services:\n  app:\n    image: example/app:1\n";

    @TempDir
    Path folder;

    static Stream<Arguments> composeCases() {
        return Stream.of(
                Arguments.of(AuditRule.INTERNAL_NETWORK_PUBLISHES_PORTS,
                        "networks:\n  backend:\n    internal: true\n" + SERVICE
                                + "    networks: [backend]\n    ports: [\"127.0.0.1:8080:8080\"]\n",
                        "networks:\n  backend:\n    internal: true\n" + SERVICE + "    networks: [backend]\n"
                                + "    expose: [\"8080\"]\n"),
                Arguments.of(AuditRule.INTERNAL_NETWORK_PUBLISHES_PORTS,
                        "networks:\n  backend:\n    internal: true\n" + SERVICE
                                + "    networks:\n      backend: {}\n    ports: [\"8080:8080\"]\n",
                        "networks:\n  frontend: {}\n" + SERVICE + "    networks: [frontend]\n"
                                + "    ports: [\"8080:8080\"]\n"),
                Arguments.of(AuditRule.NO_CPU_LIMIT, SERVICE + "    cpus: 0\n", SERVICE + "    cpus: 0.5\n"),
                Arguments.of(AuditRule.NO_CPU_LIMIT, SERVICE,
                        SERVICE + "    deploy:\n      resources:\n        limits:\n          cpus: '1.0'\n"),
                Arguments.of(AuditRule.NO_MEMORY_LIMIT, SERVICE, SERVICE + "    mem_limit: 256m\n"),
                Arguments.of(AuditRule.NO_PIDS_LIMIT, SERVICE,
                        SERVICE + "    deploy:\n      resources:\n        limits:\n          pids: 100\n"),
                Arguments.of(AuditRule.SECRET_DEFAULT_VALUE,
                        SERVICE + "    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-postgres}\n",
                        SERVICE + "    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n"),
                Arguments.of(AuditRule.SECRET_DEFAULT_VALUE,
                        SERVICE + "    environment:\n      - DATABASE_URL=postgres://app:${DB_PASSWORD-changeme}@db/app\n",
                        SERVICE + "    environment:\n      - LOG_LEVEL=${LOG_LEVEL:-info}\n"),
                Arguments.of(AuditRule.SECRET_IN_ENVIRONMENT,
                        SERVICE + "    environment:\n      - DB_PASSWORD=literal-password\n",
                        SERVICE + "    environment:\n      - DB_PASSWORD=${DB_PASSWORD}\n"),
                Arguments.of(AuditRule.RUNS_AS_ROOT, SERVICE + "    user: \"0\"\n", SERVICE + "    user: node\n"),
                Arguments.of(AuditRule.NO_HEALTHCHECK, SERVICE + "    healthcheck:\n      disable: true\n",
                        SERVICE + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n"),
                Arguments.of(AuditRule.UNLIMITED_RESTART,
                        SERVICE + "    deploy:\n      restart_policy:\n        condition: any\n",
                        SERVICE + "    deploy:\n      restart_policy:\n        condition: any\n        max_attempts: 3\n"),
                Arguments.of(AuditRule.HOST_DEVICE,
                        SERVICE + "    devices:\n      - source: /dev/ttyUSB0\n        target: /dev/ttyUSB0\n", SERVICE),
                Arguments.of(AuditRule.SENSITIVE_HOST_PATH,
                        SERVICE + "    volumes:\n      - type: bind\n        source: /proc\n        target: /host/proc\n",
                        SERVICE + "    volumes:\n      - type: volume\n        source: proc\n        target: /proc\n"),
                Arguments.of(AuditRule.SHARED_MOUNT_PROPAGATION,
                        SERVICE + "    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n"
                                + "        bind:\n          propagation: rshared\n",
                        SERVICE + "    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n"),
                Arguments.of(AuditRule.PORT_ON_ALL_INTERFACES,
                        SERVICE + "    ports:\n      - target: 80\n        published: \"8080\"\n",
                        SERVICE + "    ports:\n      - target: 80\n        published: \"8080\"\n        host_ip: 127.0.0.1\n"));
    }

    @ParameterizedTest(name = "{0} [{index}]")
    @MethodSource("composeCases")
    void shouldFailAndPassComposeForms(AuditRule rule, String failing, String passing) throws Exception {
        assertThat(audit(failing)).extracting(Finding::rule).contains(rule);
        assertThat(audit(passing)).extracting(Finding::rule).doesNotContain(rule);
    }

    @Test
    void shouldRedactSecretDefault() throws Exception {
        List<Finding> findings = audit(SERVICE + "    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-postgres}\n");

        assertThat(findings).filteredOn(f -> f.rule() == AuditRule.SECRET_DEFAULT_VALUE).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("environment variable DB_PASSWORD falls back to a password"
                            + " written in the file: ${DB_PASSWORD:-po****}");
                    assertThat(f.location().line()).isEqualTo(5);
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                });
    }

    private List<Finding> audit(String yaml) throws Exception {
        Path file = folder.resolve("compose-" + Math.abs(yaml.hashCode()) + ".yaml");
        Files.writeString(file, yaml);
        return new Auditor(AuditConfig.defaults()).auditCompose(List.of(file), ComposeOptions.defaults()).findings();
    }
}
