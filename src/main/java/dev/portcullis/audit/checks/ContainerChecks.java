package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.HealthcheckState;
import dev.portcullis.audit.secrets.SecretDetector;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/** The container checks in rule order. */
public final class ContainerChecks {

    private final List<ContainerCheck> checks;

    public ContainerChecks(SecretDetector secrets) {
        this.checks = List.of(
                new SingleFindingCheck(AuditRule.PRIVILEGED, "privileged", ContainerSpec::privileged,
                        c -> "the container runs privileged: every capability and every host device"),
                new AddedCapabilityCheck(),
                new SingleFindingCheck(AuditRule.CAPABILITIES_NOT_DROPPED, "cap_drop",
                        c -> c.capDrop().stream().noneMatch(d -> Capabilities.normalize(d.value()).equals("ALL")),
                        c -> "ALL capabilities are not dropped (cap_drop / --cap-drop), so Docker's default capabilities stay"),
                new SingleFindingCheck(AuditRule.NO_NEW_PRIVILEGES_MISSING, "security_opt",
                        c -> !SecurityOptions.noNewPrivileges(c),
                        c -> "no-new-privileges is not set, so setuid binaries can raise privileges"),
                new SingleFindingCheck(AuditRule.WRITABLE_ROOT_FILESYSTEM, "read_only", c -> !c.readOnly(),
                        c -> "the root filesystem is writable (read_only / --read-only is not set)"),
                new SingleFindingCheck(AuditRule.RUNS_AS_ROOT, "user", c -> isRoot(c.user()),
                        c -> "the container runs as root (user " + c.user() + ")"),
                namespace(AuditRule.HOST_NETWORK, "network_mode", ContainerSpec::networkMode, "network"),
                namespace(AuditRule.HOST_PID, "pid", ContainerSpec::pidMode, "PID"),
                namespace(AuditRule.HOST_IPC, "ipc", ContainerSpec::ipcMode, "IPC"),
                namespace(AuditRule.HOST_UTS, "uts", ContainerSpec::utsMode, "UTS"),
                namespace(AuditRule.HOST_USER_NAMESPACE, "userns_mode", ContainerSpec::usernsMode, "user"),
                new MountCheck(AuditRule.DOCKER_SOCKET_MOUNTED),
                new MountCheck(AuditRule.SENSITIVE_HOST_PATH),
                new DeviceCheck(),
                new UnconfinedProfileCheck(AuditRule.SECCOMP_UNCONFINED, "seccomp"),
                new UnconfinedProfileCheck(AuditRule.APPARMOR_UNCONFINED, "apparmor"),
                new UnconfinedProfileCheck(AuditRule.SELINUX_DISABLED, "label"),
                new SharedPropagationCheck(),
                new PortCheck(AuditRule.PORT_ON_ALL_INTERFACES),
                new PortCheck(AuditRule.DEBUGGER_PORT),
                new PortCheck(AuditRule.INTERNAL_NETWORK_PUBLISHES_PORTS),
                limit(AuditRule.NO_MEMORY_LIMIT, "mem_limit", c -> c.memoryLimit() == null, "memory"),
                limit(AuditRule.NO_CPU_LIMIT, "cpus", c -> c.cpuLimit() == null, "CPU"),
                limit(AuditRule.NO_PIDS_LIMIT, "pids_limit", c -> c.pidsLimit() == null, "PIDs"),
                new SingleFindingCheck(AuditRule.UNLIMITED_RESTART, "restart", ContainerChecks::restartsWithoutLimit,
                        c -> "restart policy " + c.restartPolicy() + " restarts without a limit; use on-failure:5"),
                new HealthcheckCheck(),
                new EnvironmentSecretCheck(AuditRule.SECRET_IN_ENVIRONMENT, secrets),
                new EnvironmentSecretCheck(AuditRule.SECRET_DEFAULT_VALUE, secrets),
                new EmptyPasswordCheck());
    }

    public List<ContainerCheck> checks() {
        return checks;
    }

    /** Runs every check on {@code container}. */
    public List<Finding> run(ContainerSpec container) {
        return checks.stream().flatMap(check -> check.check(container).stream()).toList();
    }

    static boolean isRoot(String user) {
        if (user == null) {
            return false;
        }
        String name = user.split(":", 2)[0].trim();
        return name.equals("root") || name.equals("0");
    }

    private static boolean restartsWithoutLimit(ContainerSpec container) {
        String policy = container.restartPolicy();
        if (policy == null || container.restartMaxAttempts() != null) {
            return false;
        }
        String lower = policy.toLowerCase(Locale.ROOT).trim();
        return lower.equals("always") || lower.equals("unless-stopped") || lower.equals("on-failure")
                || lower.equals("any");
    }

    private static ContainerCheck namespace(AuditRule rule, String key,
            Function<ContainerSpec, String> mode, String label) {
        return new SingleFindingCheck(rule, key, c -> "host".equalsIgnoreCase(mode.apply(c)),
                c -> "the container shares the host's " + label + " namespace");
    }

    private static ContainerCheck limit(AuditRule rule, String key,
            Predicate<ContainerSpec> missing, String label) {
        return new SingleFindingCheck(rule, key, missing, c -> "no " + label + " limit is set");
    }

    static boolean isHealthcheckDisabled(ContainerSpec container) {
        return container.healthcheck() == HealthcheckState.DISABLED;
    }
}
