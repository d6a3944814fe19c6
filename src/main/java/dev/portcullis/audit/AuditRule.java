package dev.portcullis.audit;

import static dev.portcullis.audit.Severity.CRITICAL;
import static dev.portcullis.audit.Severity.HIGH;
import static dev.portcullis.audit.Severity.INFO;
import static dev.portcullis.audit.Severity.LOW;
import static dev.portcullis.audit.Severity.MEDIUM;

/**
 * The audit rules with their default severity, fix and cross-references. Each rule has a page
 * {@code docs/rules/<id>.md}.
 *
 * <p>CIS numbers follow the CIS Docker Benchmark as docker-bench-security numbers its checks
 * ({@code check_5_4} is CIS 5.4); Dockle codes are Dockle's checkpoint ids; KICS names are KICS query titles.
 */
public enum AuditRule {
    PRIVILEGED("PC-A001", CRITICAL, "Container runs privileged",
            "Remove privileged: true / --privileged and add only the capabilities and devices the process needs.",
            "CIS Docker 5.4; KICS: Privileged Containers Enabled"),
    DANGEROUS_CAPABILITY("PC-A002", HIGH, "Dangerous Linux capability added",
            "Remove the capability from cap_add / --cap-add; grant a narrower one if the process needs it.",
            "CIS Docker 5.3"),
    CAPABILITIES_NOT_DROPPED("PC-A003", MEDIUM, "Default capabilities are not dropped",
            "Add cap_drop: [ALL] / --cap-drop ALL and add back only the capabilities the process needs.",
            "CIS Docker 5.3"),
    NO_NEW_PRIVILEGES_MISSING("PC-A004", MEDIUM, "Privilege escalation is not blocked",
            "Add security_opt: [\"no-new-privileges:true\"] / --security-opt no-new-privileges.",
            "CIS Docker 5.25; KICS: No New Privileges Not Set"),
    WRITABLE_ROOT_FILESYSTEM("PC-A005", LOW, "Root filesystem is writable",
            "Set read_only: true / --read-only and mount a tmpfs on /tmp and other paths the process writes to.",
            "CIS Docker 5.12"),
    RUNS_AS_ROOT("PC-A006", MEDIUM, "Container runs as root",
            "Run as an unprivileged user: user: \"10001:10001\" / --user 10001:10001, or USER in the Dockerfile.",
            "CIS Docker 4.1; Dockle CIS-DI-0001"),
    HOST_NETWORK("PC-A007", HIGH, "Host network namespace is shared",
            "Remove network_mode: host / --network host and publish the ports the service needs.",
            "CIS Docker 5.9"),
    HOST_PID("PC-A008", HIGH, "Host PID namespace is shared",
            "Remove pid: host / --pid host.", "CIS Docker 5.15"),
    HOST_IPC("PC-A009", HIGH, "Host IPC namespace is shared",
            "Remove ipc: host / --ipc host.", "CIS Docker 5.16; KICS: Shared Host IPC Namespace"),
    HOST_UTS("PC-A010", MEDIUM, "Host UTS namespace is shared",
            "Remove uts: host / --uts host.", "CIS Docker 5.20"),
    HOST_USER_NAMESPACE("PC-A011", MEDIUM, "Host user namespace is used",
            "Remove userns_mode: host / --userns host so the daemon's user namespace remapping applies.",
            "CIS Docker 5.30"),
    DOCKER_SOCKET_MOUNTED("PC-A012", CRITICAL, "Docker socket is mounted",
            "Remove the docker.sock mount; give the container a narrower API (a socket proxy) if it needs one.",
            "CIS Docker 5.31; KICS: Docker Socket Mounted In Container"),
    SENSITIVE_HOST_PATH("PC-A013", HIGH, "Sensitive host path is mounted",
            "Mount only the application's own folders, never /, /etc, /proc, /sys, /boot, /dev or /var/lib/docker.",
            "CIS Docker 5.5; KICS: Volume Has Sensitive Host Directory"),
    HOST_DEVICE("PC-A014", MEDIUM, "Host device is exposed",
            "Remove devices / --device unless the workload needs the device, and then add it with r or rw only.",
            "CIS Docker 5.17"),
    SECCOMP_UNCONFINED("PC-A015", HIGH, "Seccomp is disabled",
            "Remove seccomp:unconfined; use the default profile or a custom profile that allows the needed calls.",
            "CIS Docker 5.21"),
    APPARMOR_UNCONFINED("PC-A016", MEDIUM, "AppArmor is disabled",
            "Remove apparmor:unconfined; use the default docker-default profile or a custom one.",
            "CIS Docker 5.1"),
    PORT_ON_ALL_INTERFACES("PC-A017", LOW, "Port is published on all host interfaces",
            "Bind the port to one interface: \"127.0.0.1:8080:8080\" / -p 127.0.0.1:8080:8080.",
            "CIS Docker 5.13"),
    DEBUGGER_PORT("PC-A018", HIGH, "Debugger port is exposed",
            "Do not expose the Node.js inspector (9229) or the Java debug agent (5005) outside development.",
            "CIS Docker 5.8"),
    INTERNAL_NETWORK_PUBLISHES_PORTS("PC-A019", MEDIUM, "Service on an internal network publishes ports",
            "Remove the published ports, or attach the service to a non-internal network on purpose.",
            ""),
    NO_MEMORY_LIMIT("PC-A020", LOW, "No memory limit",
            "Set deploy.resources.limits.memory (or mem_limit) / --memory.",
            "CIS Docker 5.10"),
    NO_CPU_LIMIT("PC-A021", LOW, "No CPU limit",
            "Set deploy.resources.limits.cpus (or cpus) / --cpus.", "CIS Docker 5.11"),
    NO_PIDS_LIMIT("PC-A022", LOW, "No PIDs limit",
            "Set pids_limit (or deploy.resources.limits.pids) / --pids-limit, for example 200.",
            "CIS Docker 5.28"),
    UNLIMITED_RESTART("PC-A023", LOW, "Restart policy restarts without limit",
            "Use restart: on-failure:5 / --restart on-failure:5, or deploy.restart_policy.max_attempts.",
            "CIS Docker 5.14"),
    NO_HEALTHCHECK("PC-A024", LOW, "No healthcheck",
            "Define a healthcheck (compose healthcheck, --health-cmd, or HEALTHCHECK in the Dockerfile).",
            "CIS Docker 5.26, 4.6; Dockle CIS-DI-0006; KICS: Healthcheck Not Set"),
    SECRET_IN_ENVIRONMENT("PC-A025", HIGH, "Secret in environment variable",
            "Pass the secret at run time from a secrets store or a file (compose secrets, *_FILE variables).",
            "CIS Docker 4.10; Dockle CIS-DI-0010"),
    SECRET_DEFAULT_VALUE("PC-A026", MEDIUM, "Secret has a default value in interpolation",
            "Drop the default so an unset variable fails: ${DB_PASSWORD:?DB_PASSWORD is required}.",
            "CIS Docker 4.10"),
    SECRET_IN_BUILD_HISTORY("PC-A027", HIGH, "Secret in image build history",
            "Pass build secrets with RUN --mount=type=secret, never as ARG or ENV; rotate the leaked secret.",
            "CIS Docker 4.10; Dockle CIS-DI-0010"),
    SENSITIVE_FILE_IN_LAYER("PC-A028", CRITICAL, "Sensitive file in an image layer",
            "Keep keys and credentials out of the build context (.dockerignore), use build secrets, rotate the"
                    + " leaked credential; deleting the file in a later layer does not remove it from the image.",
            "CIS Docker 4.10; Dockle CIS-DI-0010"),
    SETUID_FILE("PC-A029", LOW, "File with setuid or setgid bit",
            "Remove the bit in the Dockerfile (chmod u-s,g-s FILE) unless the image needs it.",
            "CIS Docker 4.8; Dockle CIS-DI-0008"),
    WORLD_WRITABLE_DIRECTORY("PC-A030", MEDIUM, "World-writable folder without sticky bit",
            "Remove write access for others (chmod o-w DIR) or set the sticky bit (chmod +t DIR).", ""),
    PACKAGE_CACHE_LEFT("PC-A031", LOW, "Package manager cache left in the image",
            "Clean the cache in the same RUN step: rm -rf /var/lib/apt/lists/*, npm cache clean --force,"
                    + " pip install --no-cache-dir.",
            "Dockle DKL-DI-0005"),
    EMPTY_PASSWORD("PC-A032", MEDIUM, "Empty password allowed",
            "Set a password from a secret instead of an empty value or *_ALLOW_EMPTY_PASSWORD.", ""),
    SELINUX_DISABLED("PC-A033", MEDIUM, "SELinux labeling is disabled",
            "Remove label=disable / label:disable from the security options; relabel mounts with :z or :Z instead.",
            "CIS Docker 5.2"),
    SHARED_MOUNT_PROPAGATION("PC-A034", MEDIUM, "Mount propagation is shared",
            "Use the default rprivate propagation, or rslave when the container must see host mounts.",
            "CIS Docker 5.19"),
    DAEMON_ICC_ENABLED("PC-A040", MEDIUM, "Inter-container communication is enabled on the default bridge",
            "Set \"icc\": false in daemon.json and connect containers through user-defined networks.",
            "CIS Docker 2.1"),
    DAEMON_NO_USERNS_REMAP("PC-A041", MEDIUM, "User namespace remapping is off",
            "Set \"userns-remap\": \"default\" in daemon.json.", "CIS Docker 2.8"),
    DAEMON_NO_LIVE_RESTORE("PC-A042", LOW, "Live restore is off",
            "Set \"live-restore\": true in daemon.json.", "CIS Docker 2.13"),
    DAEMON_NO_NEW_PRIVILEGES("PC-A043", MEDIUM, "Containers may gain new privileges by default",
            "Set \"no-new-privileges\": true in daemon.json.", "CIS Docker 2.18"),
    DAEMON_NO_REMOTE_LOGGING("PC-A044", INFO, "No central log driver",
            "Set \"log-driver\" to a central driver (syslog, journald, fluentd, gelf, awslogs, ...).",
            "CIS Docker 2.12"),
    DAEMON_INSECURE_REGISTRY("PC-A045", HIGH, "Insecure registry is allowed",
            "Remove the entry from \"insecure-registries\" and give the registry a TLS certificate.",
            "CIS Docker 2.4"),
    DAEMON_TCP_WITHOUT_TLS("PC-A046", CRITICAL, "Docker API listens on TCP without TLS client verification",
            "Remove the tcp:// entry from \"hosts\" and reach the daemon over its Unix socket or SSH, or set"
                    + " \"tlsverify\": true with \"tlscacert\", \"tlscert\" and \"tlskey\" and listen on port 2376.",
            "CIS Docker 2.6");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String fix;
    private final String references;

    AuditRule(String id, Severity severity, String title, String fix, String references) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.fix = fix;
        this.references = references;
    }

    public String id() {
        return id;
    }

    /** Returns the default severity; a finding may carry another one. */
    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String fix() {
        return fix;
    }

    /** Cross-references to CIS Docker Benchmark, Dockle and KICS, separated by semicolons; empty when none. */
    public String references() {
        return references;
    }

    /** Returns the path of the rule's page relative to the repository root. */
    public String docsPath() {
        return "docs/rules/" + id + ".md";
    }
}
