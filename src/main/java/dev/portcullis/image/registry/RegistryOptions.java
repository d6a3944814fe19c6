package dev.portcullis.image.registry;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Settings for talking to registries.
 *
 * @param insecureRegistries {@code HOST:PORT} (or {@code HOST}) names that may be reached over plain
 *     HTTP; every other registry and token endpoint is reached over TLS only
 * @param caFile PEM file of extra CA certificates to trust besides the JDK's, or null
 * @param dockerConfig Docker's {@code config.json} holding credentials; a missing file means anonymous
 * @param credentialHelperDirs folders searched for {@code docker-credential-<name>} programs
 * @param cacheFolder root of the blob store and of the pulled OCI layouts
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed from sending a request to receiving the response headers, and
 *     the longest gap without data while a blob downloads
 * @param maxAttempts attempts per request, the first included, on HTTP 429, 5xx and dropped connections
 * @param initialBackoff wait before the second attempt when the registry sends no Retry-After; it
 *     doubles for each further attempt
 * @param maxBackoff upper bound of any wait between attempts, Retry-After included
 */
public record RegistryOptions(
        Set<String> insecureRegistries,
        Path caFile,
        Path dockerConfig,
        List<Path> credentialHelperDirs,
        Path cacheFolder,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff) {

    public RegistryOptions {
        insecureRegistries = Set.copyOf(insecureRegistries);
        credentialHelperDirs = List.copyOf(credentialHelperDirs);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * Returns the defaults: no insecure registries, the JDK's CAs, {@code $DOCKER_CONFIG/config.json} or
     * {@code ~/.docker/config.json}, helpers on {@code PATH}, the cache in
     * {@code $XDG_CACHE_HOME/portcullis/registry} or {@code ~/.cache/portcullis/registry}, 5 attempts.
     */
    public static RegistryOptions defaults() {
        Path home = Path.of(System.getProperty("user.home"));
        String dockerConfigDir = System.getenv("DOCKER_CONFIG");
        Path dockerConfig = dockerConfigDir != null && !dockerConfigDir.isBlank()
                ? Path.of(dockerConfigDir, "config.json")
                : home.resolve(".docker").resolve("config.json");
        String xdgCache = System.getenv("XDG_CACHE_HOME");
        Path cacheRoot = xdgCache != null && !xdgCache.isBlank() ? Path.of(xdgCache) : home.resolve(".cache");
        String path = System.getenv("PATH");
        List<Path> helperDirs = path == null
                ? List.of()
                : Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        return new RegistryOptions(Set.of(), null, dockerConfig, helperDirs,
                cacheRoot.resolve("portcullis").resolve("registry"),
                Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public RegistryOptions withInsecureRegistries(Set<String> hosts) {
        return new RegistryOptions(hosts, caFile, dockerConfig, credentialHelperDirs, cacheFolder,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public RegistryOptions withCaFile(Path file) {
        return new RegistryOptions(insecureRegistries, file, dockerConfig, credentialHelperDirs, cacheFolder,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public RegistryOptions withDockerConfig(Path file, List<Path> helperDirs) {
        return new RegistryOptions(insecureRegistries, caFile, file, helperDirs, cacheFolder,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public RegistryOptions withCacheFolder(Path folder) {
        return new RegistryOptions(insecureRegistries, caFile, dockerConfig, credentialHelperDirs, folder,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public RegistryOptions withRetries(int attempts, Duration initial, Duration max) {
        return new RegistryOptions(insecureRegistries, caFile, dockerConfig, credentialHelperDirs, cacheFolder,
                connectTimeout, requestTimeout, attempts, initial, max);
    }

    public RegistryOptions withTimeouts(Duration connect, Duration request) {
        return new RegistryOptions(insecureRegistries, caFile, dockerConfig, credentialHelperDirs, cacheFolder,
                connect, request, maxAttempts, initialBackoff, maxBackoff);
    }

    /** Tells whether plain HTTP is allowed for a {@code host[:port]}, matched without regard to case. */
    boolean isInsecure(String hostAndPort) {
        return insecureRegistries.stream().anyMatch(h -> h.equalsIgnoreCase(hostAndPort));
    }
}
