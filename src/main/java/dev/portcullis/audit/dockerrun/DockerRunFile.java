package dev.portcullis.audit.dockerrun;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the docker run commands in a shell script or text file: lines joined at a trailing backslash,
 * {@code #} comment lines skipped, and each logical line that contains {@code docker run} or
 * {@code docker container run} taken from that point on.
 */
public final class DockerRunFile {

    private static final Pattern DOCKER_RUN = Pattern.compile("(^|[\\s;&|(])(\\S*/)?docker\\s+(container\\s+)?run\\s");

    /** One command with the line it starts on. */
    public record Command(String text, SourceLocation location) {}

    private DockerRunFile() {}

    public static List<Command> read(Path file) throws AuditInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditInputException(SourceLocation.of(file.toString()), "cannot read the file: " + e.getMessage(), e);
        }
        List<Command> commands = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (logical.isEmpty()) {
                start = i + 1;
                if (line.strip().startsWith("#")) {
                    continue;
                }
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            addIfDockerRun(logical.toString(), new SourceLocation(file.toString(), start, 1), commands);
            logical.setLength(0);
        }
        addIfDockerRun(logical.toString(), new SourceLocation(file.toString(), start, 1), commands);
        if (commands.isEmpty()) {
            throw new AuditInputException(SourceLocation.of(file.toString()), "the file contains no docker run command; expected a line with docker run");
        }
        return commands;
    }

    private static void addIfDockerRun(String text, SourceLocation location, List<Command> commands) {
        var matcher = DOCKER_RUN.matcher(text + " ");
        if (matcher.find()) {
            String command = text.substring(matcher.start() + matcher.group(1).length());
            commands.add(new Command(command.replaceFirst("^\\S*/docker", "docker"), location));
        }
    }
}
