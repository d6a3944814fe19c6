package dev.portcullis.audit;

import dev.portcullis.audit.checks.ContainerChecks;
import dev.portcullis.audit.compose.ComposeLoader;
import dev.portcullis.audit.compose.ComposeOptions;
import dev.portcullis.audit.compose.ComposeProject;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.daemon.DaemonConfigAuditor;
import dev.portcullis.audit.dockerrun.DockerRunCommand;
import dev.portcullis.audit.dockerrun.DockerRunFile;
import dev.portcullis.audit.dockerrun.DockerRunParser;
import dev.portcullis.audit.imageconfig.ImageConfigAuditor;
import dev.portcullis.audit.layers.LayerAuditor;
import dev.portcullis.audit.layers.LayerFiles;
import dev.portcullis.audit.secrets.SecretDetector;
import dev.portcullis.image.ImageMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the audit on each kind of input: compose files, docker run command lines, a daemon.json, and an
 * image's config and layers.
 */
public final class Auditor {

    private final SecretDetector secrets;
    private final ContainerChecks containerChecks;

    public Auditor(AuditConfig config) {
        this.secrets = new SecretDetector(config.secretAllowList());
        this.containerChecks = new ContainerChecks(secrets);
    }

    /** Audits the services of {@code files}, merged in order as {@code docker compose -f ... -f ...} does. */
    public AuditResult auditCompose(List<Path> files, ComposeOptions options) throws AuditInputException {
        ComposeProject project = new ComposeLoader(options).load(files);
        return new AuditResult(checkAll(project.services()), project.warnings());
    }

    /**
     * Audits the {@code services} of a compose project that is already loaded, with the project's warnings,
     * for a caller that checks only the service running one image.
     */
    public AuditResult auditServices(ComposeProject project, List<ContainerSpec> services) {
        return new AuditResult(checkAll(services), project.warnings());
    }

    /** Audits one docker run command line. */
    public AuditResult auditDockerRun(String commandLine, SourceLocation location) throws AuditInputException {
        DockerRunCommand command = new DockerRunParser().parse(commandLine, location);
        return new AuditResult(containerChecks.run(command.container()), command.warnings());
    }

    /** Audits every docker run command in a shell script or text file. */
    public AuditResult auditDockerRunFile(Path file) throws AuditInputException {
        AuditResult result = new AuditResult(List.of(), List.of());
        for (DockerRunFile.Command command : DockerRunFile.read(file)) {
            result = result.merge(auditDockerRun(command.text(), command.location()));
        }
        return result;
    }

    /** Audits a Docker daemon configuration file. */
    public AuditResult auditDaemonConfig(Path file) throws AuditInputException {
        return new DaemonConfigAuditor().audit(file);
    }

    /** Audits an image's config and, when {@code layers} is not null, the files of its layers. */
    public AuditResult auditImage(ImageMetadata image, LayerFiles layers) {
        AuditResult result = new ImageConfigAuditor(secrets).audit(image);
        if (layers != null) {
            result = result.merge(new LayerAuditor(secrets).audit(image.reference(), layers));
        }
        return result;
    }

    private List<Finding> checkAll(List<ContainerSpec> containers) {
        List<Finding> findings = new ArrayList<>();
        containers.forEach(container -> findings.addAll(containerChecks.run(container)));
        return findings;
    }
}
