package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.Located;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags capabilities added beyond Docker's defaults: the dangerous ones at the rule's severity, others
 * one level lower. Re-adding a default capability after {@code cap_drop: ALL} passes.
 */
final class AddedCapabilityCheck implements ContainerCheck {

    @Override
    public AuditRule rule() {
        return AuditRule.DANGEROUS_CAPABILITY;
    }

    @Override
    public List<Finding> check(ContainerSpec container) {
        List<Finding> findings = new ArrayList<>();
        for (Located added : container.capAdd()) {
            String capability = Capabilities.normalize(added.value());
            if (Capabilities.DOCKER_DEFAULT.contains(capability)) {
                continue;
            }
            boolean dangerous = Capabilities.DANGEROUS.contains(capability);
            String message = dangerous
                    ? "capability " + capability + " is added; it lets the container control the host"
                    : "capability " + capability + " is added beyond Docker's defaults";
            Finding finding = Finding.of(rule(), container.name(), added.location(), message);
            findings.add(dangerous ? finding : finding.withSeverity(Severity.MEDIUM));
        }
        return findings;
    }
}
