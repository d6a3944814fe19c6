package dev.portcullis.audit.dockerrun;

import java.util.Map;
import java.util.Set;

/**
 * The options of {@code docker run} (Docker CLI 27): which take a value, and the short forms.
 *
 * @see <a href="https://docs.docker.com/reference/cli/docker/container/run/">docker container run</a>
 */
final class DockerRunFlags {

    static final Set<String> WITH_VALUE = Set.of("add-host", "annotation", "attach", "blkio-weight",
            "blkio-weight-device", "cap-add", "cap-drop", "cgroup-parent", "cgroupns", "cidfile", "cpu-count",
            "cpu-percent", "cpu-period", "cpu-quota", "cpu-rt-period", "cpu-rt-runtime", "cpu-shares", "cpus",
            "cpuset-cpus", "cpuset-mems", "detach-keys", "device", "device-cgroup-rule", "device-read-bps",
            "device-read-iops", "device-write-bps", "device-write-iops", "dns", "dns-opt", "dns-option",
            "dns-search", "domainname", "entrypoint", "env", "env-file", "expose", "gpus", "group-add", "health-cmd",
            "health-interval", "health-retries", "health-start-interval", "health-start-period", "health-timeout",
            "hostname", "ip", "ip6", "ipc", "isolation", "kernel-memory", "label", "label-file", "link",
            "link-local-ip", "log-driver", "log-opt", "mac-address", "memory", "memory-reservation", "memory-swap",
            "memory-swappiness", "mount", "name", "net", "net-alias", "network", "network-alias", "oom-score-adj",
            "pid", "pids-limit", "platform", "publish", "pull", "restart", "runtime", "security-opt", "shm-size",
            "stop-signal", "stop-timeout", "storage-opt", "sysctl", "tmpfs", "ulimit", "user", "userns", "uts",
            "volume", "volume-driver", "volumes-from", "workdir");

    static final Set<String> BOOLEAN = Set.of("detach", "disable-content-trust", "help", "init", "interactive",
            "no-healthcheck", "oom-kill-disable", "privileged", "publish-all", "quiet", "read-only", "rm", "sig-proxy",
            "tty", "use-api-socket");

    static final Map<Character, String> SHORT = Map.ofEntries(Map.entry('a', "attach"), Map.entry('c', "cpu-shares"),
            Map.entry('d', "detach"), Map.entry('e', "env"), Map.entry('h', "hostname"), Map.entry('i', "interactive"),
            Map.entry('l', "label"), Map.entry('m', "memory"), Map.entry('p', "publish"), Map.entry('P', "publish-all"),
            Map.entry('q', "quiet"), Map.entry('t', "tty"), Map.entry('u', "user"), Map.entry('v', "volume"),
            Map.entry('w', "workdir"));

    private DockerRunFlags() {}
}
