package dev.portcullis.cli;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.dockerrun.DockerRunCommand;
import dev.portcullis.audit.dockerrun.DockerRunParser;

/**
 * Checks the {@code --docker-run} line of scan, report and triage before any work. Triage takes the
 * line as the deployment, so an incomplete one (an option without its value, no image) would read as
 * "publishes no port" and lower risks. Such a line is therefore unusable input here, while
 * {@code audit} only warns about it.
 */
final class DockerRunLine {

    /** The location that messages about {@code --docker-run} name. */
    static final SourceLocation LOCATION = SourceLocation.of("--docker-run");

    private DockerRunLine() {}

    /**
     * Rejects an incomplete line.
     *
     * @throws UsageException when the line is no docker run command, leaves an option without its value,
     *     or names no image
     */
    static void require(TriageOptions options) {
        if (options.dockerRun == null) {
            return;
        }
        DockerRunCommand command;
        try {
            command = new DockerRunParser().parse(options.dockerRun, LOCATION);
        } catch (AuditInputException e) {
            throw new UsageException(e.getMessage(), e);
        }
        String problem = command.warnings().stream().map(AuditWarning::toString).findFirst()
                .orElse(command.image() == null ? LOCATION + ": the docker run command names no image" : null);
        if (problem != null) {
            throw new UsageException(problem + "; pass the whole command the container runs with, for example"
                    + " --docker-run \"docker run --read-only --user node IMAGE\"");
        }
    }
}
