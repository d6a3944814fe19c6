package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/** Flags {@code seccomp=unconfined}, {@code apparmor=unconfined} or {@code label=disable} in the security options. */
record UnconfinedProfileCheck(AuditRule rule, String profile) implements ContainerCheck {

    @Override
    public List<Finding> check(ContainerSpec container) {
        return SecurityOptions.unconfined(container, profile)
                .map(option -> List.of(Finding.of(rule, container.name(), option.location(),
                        "security option " + option.value() + " switches " + describe(profile) + " off")))
                .orElse(List.of());
    }

    private static String describe(String profile) {
        return switch (profile) {
            case "label" -> "SELinux labeling";
            case "apparmor" -> "the AppArmor profile";
            default -> "the " + profile + " profile";
        };
    }
}
