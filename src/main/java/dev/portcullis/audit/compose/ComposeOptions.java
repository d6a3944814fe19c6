package dev.portcullis.audit.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Settings for loading compose files.
 *
 * @param environment the caller's environment; its values win over the env file's
 * @param envFile the env file to read, or null for {@code .env} beside the first compose file when present
 * @param profiles the active profiles; when empty every service is audited, whatever its profiles
 */
public record ComposeOptions(Map<String, String> environment, Path envFile, Set<String> profiles) {

    public ComposeOptions {
        environment = Map.copyOf(environment);
        profiles = Set.copyOf(profiles);
    }

    public static ComposeOptions defaults() {
        return new ComposeOptions(Map.of(), null, Set.of());
    }
}
