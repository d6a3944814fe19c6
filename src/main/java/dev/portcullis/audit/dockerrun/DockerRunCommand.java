package dev.portcullis.audit.dockerrun;

import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.container.ContainerSpec;
import java.util.List;

/**
 * A parsed {@code docker run} command line.
 *
 * @param image the image argument, or null when the line has none
 * @param warnings options that could not be read, each named
 */
public record DockerRunCommand(ContainerSpec container, String image, List<AuditWarning> warnings) {}
