package dev.portcullis.cli;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.dockerrun.DockerRunCommand;
import dev.portcullis.audit.dockerrun.DockerRunParser;
import java.io.PrintStream;

/**
 * Prints on stderr the warnings that {@code portcullis audit} gives for the {@code --docker-run} line of a
 * scan, such as an option without a value or a line that names no image. The configuration section of
 * the report lists them too.
 */
final class DockerRunWarnings {

    /** The location that warnings about {@code --docker-run} name. */
    static final SourceLocation LOCATION = SourceLocation.of("--docker-run");

    private DockerRunWarnings() {}

    /**
     * Prints one line per warning, unless {@code quiet}. A line that names no image also gets a note that its
     * settings are still taken as those of the scanned image.
     *
     * @throws UsageException when the line is no docker run command
     */
    static void print(TriageOptions options, boolean quiet, PrintStream err) {
        if (options.dockerRun == null || quiet) {
            return;
        }
        DockerRunCommand command;
        try {
            command = new DockerRunParser().parse(options.dockerRun, LOCATION);
        } catch (AuditInputException e) {
            throw new UsageException(e.getMessage(), e);
        }
        for (AuditWarning warning : command.warnings()) {
            err.println("portcullis: warning: " + warning);
        }
        if (command.image() == null) {
            err.println("portcullis: warning: --docker-run names no image, so its settings are taken as those of"
                    + " the scanned image; check that the line is complete");
        }
    }
}
