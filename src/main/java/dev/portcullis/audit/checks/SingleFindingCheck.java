package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A check that fails once per container when a predicate holds, reported at one compose key.
 *
 * @param key the compose key whose location the finding points at
 */
record SingleFindingCheck(AuditRule rule, String key, Predicate<ContainerSpec> fails,
        Function<ContainerSpec, String> message) implements ContainerCheck {

    @Override
    public List<Finding> check(ContainerSpec container) {
        if (!fails.test(container)) {
            return List.of();
        }
        return List.of(Finding.of(rule, container.name(), container.locate(key), message.apply(container)));
    }
}
