package dev.portcullis.base;

import java.util.List;
import java.util.Map;

/**
 * The facts the command line reads from an image for a base check. The {@code base} package depends on
 * neither the image reader nor the catalogers, so the caller gathers these.
 *
 * @param image the image reference as given
 * @param baseName the config label {@code org.opencontainers.image.base.name}, or null
 * @param baseDigest the config label {@code org.opencontainers.image.base.digest}, or null
 * @param distroId the os-release {@code ID} ({@code debian}, {@code ubuntu}, {@code alpine}), or null
 * @param distroVersion the os-release {@code VERSION_ID} ({@code 12}, {@code 3.20.3}), or null
 * @param nodeVersion the Node.js version found in the image (binary or {@code NODE_VERSION}), or null
 * @param nodeVersionSource where the Node.js version was read, for example
 *     {@code binary /usr/local/bin/node} or {@code ENV NODE_VERSION}, or null
 * @param sourcePackages the installed distro source package names, for the security support lists
 */
public record ImageFacts(String image, String baseName, String baseDigest, String distroId, String distroVersion,
        String nodeVersion, String nodeVersionSource, List<String> sourcePackages) {

    public ImageFacts {
        sourcePackages = List.copyOf(sourcePackages);
    }

    // Pre-defined annotation keys of the OCI image spec, which builders also set as config labels.
    private static final String BASE_NAME_LABEL = "org.opencontainers.image.base.name";
    private static final String BASE_DIGEST_LABEL = "org.opencontainers.image.base.digest";
    private static final String NODE_VERSION_ENV = "NODE_VERSION=";

    /**
     * Gathers the facts from what a scan of the image found. The Node.js version comes from the node
     * binary when one was found, else from {@code ENV NODE_VERSION}. The source names which one was
     * used, and also an {@code ENV NODE_VERSION} that disagrees with the binary.
     *
     * <pre>{@code
     * fromImage("app:1", {org.opencontainers.image.base.name=node:20-bookworm-slim}, [NODE_VERSION=20.17.0],
     *     "debian", "12", "20.18.0", "/usr/local/bin/node", [glibc])
     *   -> nodeVersion 20.18.0, nodeVersionSource "binary /usr/local/bin/node (ENV NODE_VERSION is 20.17.0)"
     * }</pre>
     *
     * @param labels the image config's labels
     * @param env the image config's environment, {@code NAME=VALUE} entries
     * @param nodeBinaryVersion the version the Node.js binary embeds, or null when none was found
     * @param nodeBinaryPath the path of that binary, or null
     */
    public static ImageFacts fromImage(String image, Map<String, String> labels, List<String> env, String distroId,
            String distroVersion, String nodeBinaryVersion, String nodeBinaryPath, List<String> sourcePackages) {
        String envVersion = env.stream()
                .filter(entry -> entry.startsWith(NODE_VERSION_ENV))
                .map(entry -> entry.substring(NODE_VERSION_ENV.length()).replaceFirst("^v", ""))
                .findFirst().orElse(null);
        String nodeVersion = envVersion;
        String nodeSource = envVersion == null ? null : "ENV NODE_VERSION";
        if (nodeBinaryVersion != null) {
            nodeVersion = nodeBinaryVersion;
            nodeSource = "binary " + (nodeBinaryPath == null ? "node" : nodeBinaryPath);
            if (envVersion != null && !envVersion.equals(nodeBinaryVersion)) {
                nodeSource += " (ENV NODE_VERSION is " + envVersion + ")";
            }
        }
        return new ImageFacts(image, labels.get(BASE_NAME_LABEL), labels.get(BASE_DIGEST_LABEL), distroId, distroVersion,
                nodeVersion, nodeSource, sourcePackages);
    }

    /** Creates facts without a base digest label and without saying where the Node.js version was read. */
    public ImageFacts(String image, String baseName, String distroId, String distroVersion, String nodeVersion,
            List<String> sourcePackages) {
        this(image, baseName, null, distroId, distroVersion, nodeVersion, null, sourcePackages);
    }
}
