package dev.portcullis.audit.dockerrun;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.ContainerSpecBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a {@code docker run} (or {@code docker container run}) command line into the container's run
 * settings. Options come in every form the Docker CLI accepts: {@code --flag value}, {@code --flag=value},
 * {@code -v value}, {@code -vvalue}, grouped short booleans ({@code -dit}), and {@code --flag=false} for
 * booleans. Everything after the image is the container's command and is not read.
 *
 * <pre>{@code
 * docker run --read-only --cap-drop ALL -p 127.0.0.1:8080:80 nginx:1.27
 *   -> readOnly=true, capDrop=[ALL], ports=[127.0.0.1:8080->80/tcp], image=nginx:1.27
 * }</pre>
 */
public final class DockerRunParser {

    /**
     * Parses one command line.
     *
     * @param location where the command was written; every setting points at it
     * @throws AuditInputException when the line is not a docker run command or has an unterminated quote
     */
    public DockerRunCommand parse(String commandLine, SourceLocation location) throws AuditInputException {
        List<String> words;
        try {
            words = ShellWords.split(commandLine);
        } catch (IllegalArgumentException e) {
            throw new AuditInputException(location, "invalid docker run command line: " + e.getMessage());
        }

        int start = skipDockerRun(words, location);
        List<DockerRunOption> options = new ArrayList<>();
        List<AuditWarning> warnings = new ArrayList<>();
        String image = null;
        int i = start;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("--")) {
                image = i + 1 < words.size() ? words.get(i + 1) : null;
                break;
            }
            if (!word.startsWith("-") || word.equals("-")) {
                image = word;
                break;
            }
            i = word.startsWith("--") ? readLong(words, i, options, warnings, location)
                    : readShort(words, i, options, warnings, location);
        }

        String name = options.stream().filter(o -> o.name().equals("name")).map(DockerRunOption::value)
                .reduce((first, second) -> second).orElse("container");
        ContainerSpecBuilder builder = ContainerSpec.builder(name, location);
        DockerRunMapper mapper = new DockerRunMapper(builder, location, warnings);
        options.forEach(mapper::apply);
        if (image == null) {
            warnings.add(new AuditWarning(location, "the docker run command names no image"));
        }
        return new DockerRunCommand(builder.build(), image, warnings);
    }

    private static int skipDockerRun(List<String> words, SourceLocation location) throws AuditInputException {
        int i = 0;
        if (i < words.size() && (words.get(i).equals("docker") || words.get(i).endsWith("/docker"))) {
            i++;
        }
        if (i < words.size() && words.get(i).equals("container")) {
            i++;
        }
        if (i < words.size() && words.get(i).equals("run")) {
            return i + 1;
        }
        throw new AuditInputException(location,
                "not a docker run command: expected it to start with 'docker run' or 'docker container run'");
    }

    private static int readLong(List<String> words, int i, List<DockerRunOption> options,
            List<AuditWarning> warnings, SourceLocation location) {
        String word = words.get(i).substring(2);
        int equals = word.indexOf('=');
        String name = equals >= 0 ? word.substring(0, equals) : word;
        if (equals >= 0) {
            options.add(new DockerRunOption(name, word.substring(equals + 1)));
            return i + 1;
        }
        if (DockerRunFlags.BOOLEAN.contains(name)) {
            options.add(new DockerRunOption(name, "true"));
            return i + 1;
        }
        if (!DockerRunFlags.WITH_VALUE.contains(name)) {
            warnings.add(new AuditWarning(location, "unknown docker run option --" + name + " is read as a switch"));
            options.add(new DockerRunOption(name, "true"));
            return i + 1;
        }
        if (i + 1 >= words.size()) {
            warnings.add(new AuditWarning(location, "option --" + name + " has no value"));
            return i + 1;
        }
        options.add(new DockerRunOption(name, words.get(i + 1)));
        return i + 2;
    }

    private static int readShort(List<String> words, int i, List<DockerRunOption> options,
            List<AuditWarning> warnings, SourceLocation location) {
        String word = words.get(i);
        for (int c = 1; c < word.length(); c++) {
            String name = DockerRunFlags.SHORT.get(word.charAt(c));
            if (name == null) {
                warnings.add(new AuditWarning(location, "unknown docker run option -" + word.charAt(c) + " is ignored"));
                continue;
            }
            if (DockerRunFlags.BOOLEAN.contains(name)) {
                options.add(new DockerRunOption(name, "true"));
                continue;
            }
            String rest = word.substring(c + 1);
            if (rest.startsWith("=")) {
                rest = rest.substring(1);
            }
            if (!rest.isEmpty()) {
                options.add(new DockerRunOption(name, rest));
                return i + 1;
            }
            if (i + 1 >= words.size()) {
                warnings.add(new AuditWarning(location, "option -" + word.charAt(c) + " has no value"));
                return i + 1;
            }
            options.add(new DockerRunOption(name, words.get(i + 1)));
            return i + 2;
        }
        return i + 1;
    }
}
