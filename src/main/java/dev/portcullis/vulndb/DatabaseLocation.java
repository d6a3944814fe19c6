package dev.portcullis.vulndb;

import java.nio.file.Path;
import java.util.Map;

/**
 * The resolver of the vulnerability database's path: an explicit path (the {@code --db} option) wins, then the
 * {@code PORTCULLIS_DB} environment variable, then {@code portcullis/vuln.db} in the user's cache
 * folder ({@code $XDG_CACHE_HOME}, or {@code ~/.cache} when that is unset or empty).
 */
public final class DatabaseLocation {

    public static final String ENVIRONMENT_VARIABLE = "PORTCULLIS_DB";

    private DatabaseLocation() {}

    /** Resolves against this process's environment and home folder. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves against the given environment and home folder. */
    public static Path resolve(Path explicit, Map<String, String> environment, Path home) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        String cache = environment.get("XDG_CACHE_HOME");
        Path cacheFolder = cache != null && !cache.isBlank() ? Path.of(cache) : home.resolve(".cache");
        return cacheFolder.resolve("portcullis").resolve("vuln.db");
    }
}
