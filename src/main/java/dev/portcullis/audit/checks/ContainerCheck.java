package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/** One audit rule applied to the run settings of a container, whether from compose or docker run. */
public interface ContainerCheck {

    AuditRule rule();

    /** Returns the findings of this rule for {@code container}, empty when it passes. */
    List<Finding> check(ContainerSpec container);
}
