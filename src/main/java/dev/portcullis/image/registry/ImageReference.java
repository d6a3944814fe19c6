package dev.portcullis.image.registry;

import dev.portcullis.image.ImageException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference in a registry, {@code [registry/]repository[:tag][@digest]}, read with Docker's
 * defaults: a name whose first component has no dot, no colon and is not {@code localhost} lives on
 * Docker Hub, a single-component Docker Hub name gets the {@code library/} namespace, and a reference
 * without tag or digest gets the tag {@code latest}.
 *
 * <pre>{@code
 * parse("node:20")                    -> docker.io / library/node : 20
 * parse("localhost:5000/team/app")    -> localhost:5000 / team/app : latest
 * parse("ghcr.io/o/app@sha256:4f..")  -> ghcr.io / o/app @ sha256:4f..
 * }</pre>
 *
 * @param registry registry host with optional port, {@code docker.io} for Docker Hub
 * @param repository path inside the registry, for example {@code library/node}
 * @param tag the tag, null when only a digest was given
 * @param digest the manifest digest {@code sha256:<64 hex>}, or null
 * @see <a href="https://github.com/distribution/reference/blob/main/reference.go">Docker's reference
 *     grammar</a>
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";
    static final String DOCKER_HUB_ENDPOINT = "registry-1.docker.io";
    static final String DEFAULT_TAG = "latest";

    private static final Pattern REGISTRY = Pattern.compile("(?:[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*|\\[[0-9a-fA-F:]+])(?::[0-9]{1,5})?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern SHA256_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Parses a reference as {@code docker pull} reads it.
     *
     * @throws ImageException when the text is not a valid reference, naming the part at fault
     */
    public static ImageReference parse(String text) throws ImageException {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new ImageException("Image reference is empty: give a name such as registry.example/team/app:1.4");
        }

        String digest = null;
        int at = value.indexOf('@');
        if (at >= 0) {
            digest = value.substring(at + 1);
            value = value.substring(0, at);
            checkDigest(text, digest);
        }

        String registry = DOCKER_HUB;
        String remainder = value;
        int slash = value.indexOf('/');
        if (slash > 0 && isRegistry(value.substring(0, slash))) {
            registry = value.substring(0, slash);
            remainder = value.substring(slash + 1);
            if (!REGISTRY.matcher(registry).matches()) {
                throw new ImageException("Invalid registry host '" + registry + "' in image reference '" + text
                        + "': expected HOST or HOST:PORT");
            }
        }

        String tag = null;
        int colon = remainder.lastIndexOf(':');
        if (colon > remainder.lastIndexOf('/')) {
            tag = remainder.substring(colon + 1);
            remainder = remainder.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new ImageException("Invalid tag '" + tag + "' in image reference '" + text
                        + "': a tag has up to 128 letters, digits, '_', '.' or '-' and does not start with '.' or '-'");
            }
        }

        registry = canonicalRegistry(registry);
        String repository = repository(text, registry, remainder);
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /** Returns the host and port to send API requests to, {@code registry-1.docker.io} for Docker Hub. */
    public String endpoint() {
        return DOCKER_HUB.equals(registry) ? DOCKER_HUB_ENDPOINT : registry;
    }

    /** Returns what to put after {@code /manifests/}: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    /** Returns a copy that points at the given manifest digest, keeping the tag for display. */
    ImageReference withDigest(String manifestDigest) {
        return new ImageReference(registry, repository, tag, manifestDigest);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(registry).append('/').append(repository);
        if (tag != null) {
            text.append(':').append(tag);
        }
        if (digest != null) {
            text.append('@').append(digest);
        }
        return text.toString();
    }

    private static boolean isRegistry(String firstComponent) {
        return firstComponent.contains(".") || firstComponent.contains(":") || firstComponent.equals("localhost");
    }

    private static String canonicalRegistry(String registry) {
        String lower = registry.toLowerCase(Locale.ROOT);
        if (lower.equals("index.docker.io") || lower.equals(DOCKER_HUB_ENDPOINT)) {
            return DOCKER_HUB;
        }
        return registry;
    }

    private static String repository(String text, String registry, String path) throws ImageException {
        if (path.isEmpty()) {
            throw new ImageException("Image reference '" + text + "' has no repository name");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                String hint = component.equals(component.toLowerCase(Locale.ROOT))
                        ? "components are lowercase letters and digits separated by '.', '_', '__' or '-'"
                        : "repository names must be lowercase";
                throw new ImageException("Invalid repository '" + path + "' in image reference '" + text + "': " + hint);
            }
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            return "library/" + path;
        }
        return path;
    }

    private static void checkDigest(String text, String digest) throws ImageException {
        if (SHA256_DIGEST.matcher(digest).matches()) {
            return;
        }
        if (digest.startsWith("sha256:")) {
            throw new ImageException("Invalid digest '" + digest + "' in image reference '" + text
                    + "': expected sha256: followed by 64 lowercase hex digits");
        }
        throw new ImageException("Unsupported digest '" + digest + "' in image reference '" + text
                + "': only sha256 digests are supported");
    }
}
