package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/**
 * Flags a healthcheck that is switched off. A container that sets none gets an info finding only,
 * because the image's HEALTHCHECK, which this input cannot show, then applies.
 */
final class HealthcheckCheck implements ContainerCheck {

    @Override
    public AuditRule rule() {
        return AuditRule.NO_HEALTHCHECK;
    }

    @Override
    public List<Finding> check(ContainerSpec container) {
        return switch (container.healthcheck()) {
            case DEFINED -> List.of();
            case DISABLED -> List.of(Finding.of(rule(), container.name(), container.locate("healthcheck"),
                    "the healthcheck is switched off"));
            case UNSET -> List.of(Finding.of(rule(), container.name(), container.origin(),
                    "no healthcheck is set here; the image's HEALTHCHECK applies if it has one")
                    .withSeverity(Severity.INFO));
        };
    }
}
