package dev.portcullis.lint.rules;

import java.util.Locale;

/**
 * The parts of an image reference that rules check: registry, tag and digest.
 *
 * <p>Example: {@code ghcr.io/acme/app:1.2@sha256:ab} has registry {@code ghcr.io}, tag {@code 1.2}
 * and a digest; {@code node} has registry {@code docker.io} and no tag.
 *
 * @param registry the registry host, {@code docker.io} when the first path part is not a host
 * @param tag the tag, or empty
 * @param digest true when a {@code @sha256:...} digest pins the image
 */
record ImageReference(String registry, String tag, boolean digest) {

    static ImageReference parse(String reference) {
        String rest = reference;
        boolean digest = false;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = true;
            rest = rest.substring(0, at);
        }
        String registry = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first.toLowerCase(Locale.ROOT);
                rest = rest.substring(slash + 1);
            }
        }
        int colon = rest.lastIndexOf(':');
        String tag = colon >= 0 && colon > rest.lastIndexOf('/') ? rest.substring(colon + 1) : "";
        return new ImageReference(registry, tag, digest);
    }

    /** Returns true when the registry matches an allowed entry: exact, {@code *}, or {@code *.domain}. */
    boolean allowedBy(java.util.List<String> allowed) {
        for (String entry : allowed) {
            String pattern = entry.toLowerCase(Locale.ROOT);
            if (pattern.equals("*") || pattern.equals(registry)
                    || pattern.startsWith("*.") && registry.endsWith(pattern.substring(1))) {
                return true;
            }
            if (pattern.equals("docker.io") && registry.equals("index.docker.io")) {
                return true;
            }
        }
        return false;
    }
}
