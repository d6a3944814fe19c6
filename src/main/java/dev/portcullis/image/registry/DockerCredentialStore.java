package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds registry credentials the way the Docker CLI stores them in {@code config.json}: a
 * {@code credHelpers} entry for the registry, else the {@code credsStore} helper, else the base64
 * {@code auth} (or {@code username}/{@code password}, {@code identitytoken}) under {@code auths}.
 * A helper runs as {@code docker-credential-<name> get} with the server URL on standard input and
 * prints {@code {"Username": ..., "Secret": ...}}.
 *
 * @see <a href="https://docs.docker.com/reference/cli/docker/login/">docker login: credential stores</a>
 */
final class DockerCredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(DockerCredentialStore.class);
    private static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";
    private static final List<String> DOCKER_HUB_ALIASES =
            List.of("index.docker.io", "docker.io", "registry-1.docker.io");
    private static final long HELPER_TIMEOUT_SECONDS = 30;

    private final Path configFile;
    private final List<Path> helperDirs;
    private final ObjectMapper json = new ObjectMapper();

    DockerCredentialStore(Path configFile, List<Path> helperDirs) {
        this.configFile = configFile;
        this.helperDirs = helperDirs;
    }

    /**
     * Returns the credentials stored for a registry, or empty for anonymous access.
     *
     * @throws ImageException when the config file is unreadable or a helper fails other than by
     *     having no entry
     */
    Optional<RegistryCredentials> find(String registry) throws ImageException {
        if (configFile == null || !Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        JsonNode config = readConfig();
        String helper = helperFor(config, registry);
        if (helper != null) {
            Optional<Path> program = findHelper(helper);
            if (program.isPresent()) {
                return runHelper(program.get(), serverUrl(registry));
            }
            LOG.warn("Credential helper docker-credential-{} named in {} is not on the PATH; using the auths entry for {} if any",
                    helper, configFile, registry);
        }
        return fromAuths(config.path("auths"), registry);
    }

    private JsonNode readConfig() throws ImageException {
        try {
            return json.readTree(configFile.toFile());
        } catch (IOException e) {
            throw new ImageException("Cannot read Docker config " + configFile + ": " + e.getMessage()
                    + ". Fix the JSON or point the Docker config option at another file", e);
        }
    }

    private static String helperFor(JsonNode config, String registry) {
        for (Map.Entry<String, JsonNode> entry : config.path("credHelpers").properties()) {
            if (sameRegistry(entry.getKey(), registry)) {
                return entry.getValue().asText();
            }
        }
        String store = config.path("credsStore").asText("");
        return store.isBlank() ? null : store;
    }

    private Optional<Path> findHelper(String name) {
        String program = "docker-credential-" + name;
        return helperDirs.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    private Optional<RegistryCredentials> runHelper(Path program, String serverUrl) throws ImageException {
        try {
            Process process = new ProcessBuilder(program.toString(), "get").redirectErrorStream(true).start();
            sendServerUrl(process, serverUrl);
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(HELPER_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ImageException("Credential helper " + program + " did not finish within "
                        + HELPER_TIMEOUT_SECONDS + " s for " + serverUrl);
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                if (text.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
                    LOG.debug("Credential helper {} has no entry for {}", program, serverUrl);
                    return Optional.empty();
                }
                // A failing helper prints an error message, not a secret, so it is safe to show.
                throw new ImageException("Credential helper " + program + " failed for " + serverUrl
                        + " (exit " + process.exitValue() + "): " + firstLine(text));
            }
            return parseHelperOutput(program, text);
        } catch (IOException e) {
            throw new ImageException("Cannot run credential helper " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException("Interrupted while running credential helper " + program, e);
        }
    }

    private static void sendServerUrl(Process process, String serverUrl) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A helper that exits without reading its input closes the pipe; so its exit code decides the result.
            LOG.debug("Credential helper closed its input before reading the server URL {}", serverUrl, e);
        }
    }

    private Optional<RegistryCredentials> parseHelperOutput(Path program, String text) throws ImageException {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            // The output may hold a secret, so the message leaves it out.
            throw new ImageException("Credential helper " + program + " printed output that is not JSON", e);
        }
        String username = node.path("Username").asText("");
        String secret = node.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (username.equals("<token>")) {
            return Optional.of(RegistryCredentials.ofIdentityToken(secret));
        }
        return Optional.of(RegistryCredentials.basic(username, secret));
    }

    private Optional<RegistryCredentials> fromAuths(JsonNode auths, String registry) throws ImageException {
        for (Map.Entry<String, JsonNode> entry : auths.properties()) {
            if (sameRegistry(entry.getKey(), registry)) {
                return fromAuthEntry(entry.getKey(), entry.getValue());
            }
        }
        return Optional.empty();
    }

    private Optional<RegistryCredentials> fromAuthEntry(String key, JsonNode entry) throws ImageException {
        String identityToken = entry.path("identitytoken").asText("");
        if (!identityToken.isEmpty()) {
            return Optional.of(RegistryCredentials.ofIdentityToken(identityToken));
        }
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ImageException("The auth entry for " + key + " in " + configFile
                        + " is not valid base64: run docker login " + key + " again");
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new ImageException("The auth entry for " + key + " in " + configFile
                        + " is not USER:PASSWORD in base64: run docker login " + key + " again");
            }
            return Optional.of(RegistryCredentials.basic(pair.substring(0, colon), pair.substring(colon + 1)));
        }
        String username = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        return username.isEmpty() ? Optional.empty() : Optional.of(RegistryCredentials.basic(username, password));
    }

    /** Compares a config key, which may be a URL such as {@code https://host:5000/v1/}, with a registry. */
    static boolean sameRegistry(String key, String registry) {
        String host = key.replaceFirst("^[a-zA-Z]+://", "");
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        if (registry.equals(ImageReference.DOCKER_HUB)) {
            return DOCKER_HUB_ALIASES.contains(host.toLowerCase(java.util.Locale.ROOT));
        }
        return host.equalsIgnoreCase(registry);
    }

    private static String serverUrl(String registry) {
        return registry.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_SERVER : registry;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
