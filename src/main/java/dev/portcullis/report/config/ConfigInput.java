package dev.portcullis.report.config;

/**
 * One input that the configuration checks read.
 *
 * @param origin what kind of input it is
 * @param name the file as given, {@code --docker-run} for the command line, or the image reference
 */
public record ConfigInput(ConfigOrigin origin, String name) {

    /** Returns the input as the table prints it, for example {@code compose file compose.yaml}. */
    public String describe() {
        return switch (origin) {
            case DOCKERFILE -> "Dockerfile " + name;
            case COMPOSE -> "compose file " + name;
            case DOCKER_RUN -> "docker run command";
            case IMAGE -> "image " + name;
        };
    }
}
