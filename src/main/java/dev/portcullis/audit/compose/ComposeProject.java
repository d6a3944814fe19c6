package dev.portcullis.audit.compose;

import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/** The services of one or more merged compose files, with warnings about what could not be read. */
public record ComposeProject(List<ContainerSpec> services, List<AuditWarning> warnings) {}
