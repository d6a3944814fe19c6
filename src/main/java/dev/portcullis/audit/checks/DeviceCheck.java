package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/** Flags every host device passed into the container. */
final class DeviceCheck implements ContainerCheck {

    @Override
    public AuditRule rule() {
        return AuditRule.HOST_DEVICE;
    }

    @Override
    public List<Finding> check(ContainerSpec container) {
        return container.devices().stream()
                .map(d -> Finding.of(rule(), container.name(), d.location(), "host device " + d.value() + " is exposed"))
                .toList();
    }
}
