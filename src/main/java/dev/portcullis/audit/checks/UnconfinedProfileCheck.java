package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/** Flags {@code seccomp=unconfined} or {@code apparmor=unconfined} in the security options. */
record UnconfinedProfileCheck(AuditRule rule, String profile) implements ContainerCheck {

    @Override
    public List<Finding> check(ContainerSpec container) {
        return SecurityOptions.unconfined(container, profile)
                .map(option -> List.of(Finding.of(rule, container.name(), option.location(),
                        "security option " + option.value() + " switches the " + profile + " profile off")))
                .orElse(List.of());
    }
}
