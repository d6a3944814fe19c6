package dev.portcullis.base;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference split into registry, repository, tag and digest, with Docker Hub's defaults
 * applied: {@code node:20} is {@code docker.io/library/node:20}.
 *
 * <p>The first path component is a registry when it contains a dot or a port, or is
 * {@code localhost}; otherwise the registry is {@code docker.io}. A Docker Hub repository without a
 * slash lives under {@code library/}. A reference without tag and digest has the tag {@code latest}.
 *
 * <pre>{@code
 * ImageReference.parse("node:20.18.0-bookworm-slim@sha256:ab..")
 *   -> registry docker.io, repository library/node, tag 20.18.0-bookworm-slim, digest sha256:ab..
 * }</pre>
 *
 * @param registry the registry host, with port when given
 * @param repository the repository path, lower case as the grammar requires
 * @param tag the tag, or null when only a digest pins the image
 * @param digest the digest ({@code sha256:...}), or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    /** The Docker Hub registry name. */
    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern DOMAIN = Pattern.compile("(?:[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*)(?::[0-9]+)?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    /**
     * Parses a reference.
     *
     * @throws IllegalArgumentException when the text is not a valid image reference
     */
    public static ImageReference parse(String text) {
        String rest = text.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            require(DIGEST.matcher(digest).matches(), text, "invalid digest \"" + digest + "\"");
        }

        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            require(TAG.matcher(tag).matches(), text, "invalid tag \"" + tag + "\"");
        }

        String registry = DOCKER_HUB;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                require(DOMAIN.matcher(first).matches(), text, "invalid registry \"" + first + "\"");
                registry = first.toLowerCase(Locale.ROOT);
                repository = rest.substring(slash + 1);
            }
        }

        for (String component : repository.split("/", -1)) {
            require(COMPONENT.matcher(component).matches(), text, "invalid repository name \"" + repository + "\"");
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    private static void require(boolean condition, String text, String reason) {
        if (!condition) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid image reference: " + reason
                    + " (expected [REGISTRY/]NAME[:TAG][@DIGEST])");
        }
    }

    /**
     * Returns the official-image name ({@code node}) for a Docker Hub library image, or null for any
     * other. Mirrors of Docker Hub keep the {@code library/} namespace
     * ({@code mirror.gcr.io/library/node}, {@code public.ecr.aws/docker/library/node}), so on any
     * registry a repository whose last two components are {@code library/NAME} counts as official.
     */
    public String officialName() {
        String[] components = repository.split("/");
        int count = components.length;
        return count >= 2 && components[count - 2].equals("library") ? components[count - 1] : null;
    }

    /** Returns the full form, for example {@code docker.io/library/node:20@sha256:...}. */
    @Override
    public String toString() {
        return registry + "/" + repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
