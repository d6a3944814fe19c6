package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags bind mounts of a container runtime socket ({@link AuditRule#DOCKER_SOCKET_MOUNTED}) or of a
 * sensitive host folder ({@link AuditRule#SENSITIVE_HOST_PATH}, one level lower when mounted read-only).
 */
record MountCheck(AuditRule rule) implements ContainerCheck {

    @Override
    public List<Finding> check(ContainerSpec container) {
        List<Finding> findings = new ArrayList<>();
        for (Mount mount : container.mounts()) {
            if (!mount.isBind() || mount.source() == null) {
                continue;
            }
            boolean socket = HostPaths.isRuntimeSocket(mount.source());
            if (rule == AuditRule.DOCKER_SOCKET_MOUNTED && socket) {
                findings.add(Finding.of(rule, container.name(), mount.location(),
                        "host socket " + mount.source() + " is mounted at " + mount.target()
                                + (mount.readOnly() ? " (read-only does not limit API calls)" : "")));
            } else if (rule == AuditRule.SENSITIVE_HOST_PATH && !socket) {
                Optional<String> folder = HostPaths.sensitiveFolder(mount.source());
                folder.ifPresent(f -> findings.add(sensitiveMount(container, mount, f)));
            }
        }
        return findings;
    }

    private Finding sensitiveMount(ContainerSpec container, Mount mount, String folder) {
        String message = "host path " + mount.source() + " is mounted at " + mount.target()
                + (mount.source().equals(folder) ? "" : " (covers " + folder + ")")
                + (mount.readOnly() ? ", read-only" : ", writable");
        Finding finding = Finding.of(rule, container.name(), mount.location(), message);
        return mount.readOnly() ? finding.withSeverity(Severity.MEDIUM) : finding;
    }
}
