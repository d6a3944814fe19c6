package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/** Flags bind mounts with {@code shared} or {@code rshared} propagation. */
final class SharedPropagationCheck implements ContainerCheck {

    @Override
    public AuditRule rule() {
        return AuditRule.SHARED_MOUNT_PROPAGATION;
    }

    @Override
    public List<Finding> check(ContainerSpec container) {
        return container.mounts().stream().filter(m -> m.isSharedPropagation())
                .map(m -> Finding.of(rule(), container.name(), m.location(), "mount " + m.source() + " at " + m.target()
                        + " has " + m.propagation() + " propagation, so mounts made in the container reach the host"))
                .toList();
    }
}
