package dev.portcullis.audit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.dockerrun.DockerRunParser;
import dev.portcullis.audit.secrets.SecretAllowList;
import dev.portcullis.audit.secrets.SecretDetector;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerChecksTest {

    private final ContainerChecks checks = new ContainerChecks(new SecretDetector(SecretAllowList.none()));

    static Stream<Arguments> failingAndPassingCases() {
        return Stream.of(
                Arguments.of(AuditRule.PRIVILEGED, "--privileged", ""),
                Arguments.of(AuditRule.PRIVILEGED, "--privileged=true", "--privileged=false"),
                Arguments.of(AuditRule.DANGEROUS_CAPABILITY, "--cap-add SYS_ADMIN", "--cap-add NET_BIND_SERVICE"),
                Arguments.of(AuditRule.DANGEROUS_CAPABILITY, "--cap-add=cap_sys_ptrace", "--cap-add CHOWN"),
                Arguments.of(AuditRule.CAPABILITIES_NOT_DROPPED, "--cap-drop NET_RAW", "--cap-drop all"),
                Arguments.of(AuditRule.NO_NEW_PRIVILEGES_MISSING, "--security-opt no-new-privileges:false",
                        "--security-opt=no-new-privileges:true"),
                Arguments.of(AuditRule.WRITABLE_ROOT_FILESYSTEM, "--read-only=false", "--read-only"),
                Arguments.of(AuditRule.RUNS_AS_ROOT, "-u root", "-u node"),
                Arguments.of(AuditRule.RUNS_AS_ROOT, "--user=0:0", "--user 1000:0"),
                Arguments.of(AuditRule.HOST_NETWORK, "--net host", "--network bridge"),
                Arguments.of(AuditRule.HOST_NETWORK, "--network=host", ""),
                Arguments.of(AuditRule.HOST_PID, "--pid=host", "--pid container:abc"),
                Arguments.of(AuditRule.HOST_IPC, "--ipc host", "--ipc private"),
                Arguments.of(AuditRule.HOST_UTS, "--uts host", ""),
                Arguments.of(AuditRule.HOST_USER_NAMESPACE, "--userns host", ""),
                Arguments.of(AuditRule.DOCKER_SOCKET_MOUNTED, "-v /var/run/docker.sock:/var/run/docker.sock:ro",
                        "-v ./data:/data"),
                Arguments.of(AuditRule.DOCKER_SOCKET_MOUNTED,
                        "--mount type=bind,source=/run/docker.sock,target=/docker.sock", "-v docker.sock:/x"),
                Arguments.of(AuditRule.SENSITIVE_HOST_PATH, "-v /etc:/host/etc", "-v /srv/app:/app"),
                Arguments.of(AuditRule.SENSITIVE_HOST_PATH, "-v /:/host", "-v data:/etc"),
                Arguments.of(AuditRule.SENSITIVE_HOST_PATH, "--volume=/var/lib:/var/lib:ro", "-v /var/log/app:/log"),
                Arguments.of(AuditRule.SENSITIVE_HOST_PATH, "-v /proc:/host/proc", "--tmpfs /etc/app"),
                Arguments.of(AuditRule.HOST_DEVICE, "--device /dev/fuse", ""),
                Arguments.of(AuditRule.SECCOMP_UNCONFINED, "--security-opt seccomp=unconfined",
                        "--security-opt seccomp=profile.json"),
                Arguments.of(AuditRule.APPARMOR_UNCONFINED, "--security-opt apparmor:unconfined",
                        "--security-opt apparmor=docker-default"),
                Arguments.of(AuditRule.SELINUX_DISABLED, "--security-opt label=disable",
                        "--security-opt label=type:svirt_apache_t"),
                Arguments.of(AuditRule.SHARED_MOUNT_PROPAGATION, "-v /mnt/data:/data:rshared", "-v /mnt/data:/data:rslave"),
                Arguments.of(AuditRule.SHARED_MOUNT_PROPAGATION,
                        "--mount type=bind,source=/mnt,target=/mnt,bind-propagation=shared",
                        "--mount type=bind,source=/mnt,target=/mnt"),
                Arguments.of(AuditRule.PORT_ON_ALL_INTERFACES, "-p 8080:80", "-p 127.0.0.1:8080:80"),
                Arguments.of(AuditRule.PORT_ON_ALL_INTERFACES, "-P", "-p [::1]:8080:80"),
                Arguments.of(AuditRule.PORT_ON_ALL_INTERFACES, "-p0.0.0.0:53:53/udp", "--expose 80"),
                Arguments.of(AuditRule.DEBUGGER_PORT, "-p 127.0.0.1:9229:9229", "-p 127.0.0.1:3000:3000"),
                Arguments.of(AuditRule.DEBUGGER_PORT, "--expose 5005", "--expose 5006"),
                Arguments.of(AuditRule.DEBUGGER_PORT, "-e NODE_OPTIONS=--inspect=0.0.0.0:9229",
                        "-e NODE_OPTIONS=--max-old-space-size=512"),
                Arguments.of(AuditRule.DEBUGGER_PORT,
                        "-e 'JAVA_TOOL_OPTIONS=-agentlib:jdwp=transport=dt_socket,server=y,address=*:8000'",
                        "-e JAVA_TOOL_OPTIONS=-Xmx512m"),
                Arguments.of(AuditRule.NO_MEMORY_LIMIT, "--memory 0b", "-m 512m"),
                Arguments.of(AuditRule.NO_PIDS_LIMIT, "--pids-limit -1", "--pids-limit 50"),
                Arguments.of(AuditRule.UNLIMITED_RESTART, "--restart always", "--restart on-failure:3"),
                Arguments.of(AuditRule.UNLIMITED_RESTART, "--restart unless-stopped", "--restart no"),
                Arguments.of(AuditRule.NO_HEALTHCHECK, "--no-healthcheck", "--health-cmd 'true'"),
                Arguments.of(AuditRule.SECRET_IN_ENVIRONMENT, "-e DB_PASSWORD=hunter2hunter2",
                        "-e DB_PASSWORD_FILE=/run/secrets/db"),
                Arguments.of(AuditRule.SECRET_IN_ENVIRONMENT,
                        "--env GITHUB=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "--env DB_PASSWORD"),
                Arguments.of(AuditRule.SECRET_IN_ENVIRONMENT, "-e API_PASSWORD=x$PART-literal",
                        "-e DB_PASSWORD=$DB_PASSWORD -e API_PASSWORD=\"${API_PASSWORD}\""),
                Arguments.of(AuditRule.EMPTY_PASSWORD, "-e MYSQL_ALLOW_EMPTY_PASSWORD=yes", "-e MYSQL_PASSWORD"),
                Arguments.of(AuditRule.EMPTY_PASSWORD, "-e POSTGRES_PASSWORD=", "-e POSTGRES_HOST_AUTH_METHOD=md5"));
    }

    @ParameterizedTest(name = "{0}: fails on [{1}], passes on [{2}]")
    @MethodSource("failingAndPassingCases")
    void shouldFailAndPassEachRule(AuditRule rule, String failing, String passing) throws Exception {
        assertThat(ruleIds("docker run " + failing + " app:1")).as("failing: " + failing).contains(rule.id());
        assertThat(ruleIds("docker run " + passing + " app:1")).as("passing: " + passing).doesNotContain(rule.id());
    }

    @Test
    void shouldPassHardenedRun() throws Exception {
        List<String> ids = ruleIds("docker run --read-only --tmpfs /tmp --cap-drop ALL"
                + " --security-opt no-new-privileges IMAGE");

        assertThat(ids).doesNotContain(AuditRule.WRITABLE_ROOT_FILESYSTEM.id(),
                AuditRule.CAPABILITIES_NOT_DROPPED.id(), AuditRule.NO_NEW_PRIVILEGES_MISSING.id(),
                AuditRule.DANGEROUS_CAPABILITY.id());
    }

    @Test
    void shouldFlagDockerBenchRun() throws Exception {
        List<Finding> findings = run("docker run --rm --net host --pid host --userns host --cap-add audit_control"
                + " -v /etc:/etc:ro -v /var/lib:/var/lib:ro -v /var/run/docker.sock:/var/run/docker.sock:ro"
                + " docker/docker-bench-security");

        assertThat(findings).extracting(f -> f.rule().id() + " " + f.message()).contains(
                "PC-A007 the container shares the host's network namespace",
                "PC-A008 the container shares the host's PID namespace",
                "PC-A011 the container shares the host's user namespace",
                "PC-A002 capability AUDIT_CONTROL is added; it lets the container control the host",
                "PC-A013 host path /etc is mounted at /etc, read-only",
                "PC-A013 host path /var/lib is mounted at /var/lib (covers /var/lib/docker), read-only",
                "PC-A012 host socket /var/run/docker.sock is mounted at /var/run/docker.sock"
                        + " (read-only does not limit API calls)");
    }

    @Test
    void shouldLowerSeverityOfReadOnlySensitiveMount() throws Exception {
        List<Finding> findings = run("docker run -v /etc:/etc:ro -v /boot:/boot app");

        assertThat(findings).filteredOn(f -> f.rule() == AuditRule.SENSITIVE_HOST_PATH)
                .extracting(Finding::severity).containsExactly(Severity.MEDIUM, Severity.HIGH);
    }

    @Test
    void shouldRateUnsetHealthcheckAsInfo() throws Exception {
        List<Finding> findings = run("docker run app");

        assertThat(findings).filteredOn(f -> f.rule() == AuditRule.NO_HEALTHCHECK)
                .extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    private List<String> ruleIds(String commandLine) throws Exception {
        return run(commandLine).stream().map(f -> f.rule().id()).toList();
    }

    private List<Finding> run(String commandLine) throws Exception {
        var command = new DockerRunParser().parse(commandLine, SourceLocation.of("<command line>"));
        return checks.run(command.container());
    }
}
