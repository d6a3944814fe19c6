package dev.portcullis.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts the command line reads from an image for a base check. The {@code base} package depends on
 * neither the image reader nor the catalogers, so the caller gathers these.
 *
 * @param image the image reference as given
 * @param baseName the config label {@code org.opencontainers.image.base.name}, or null
 * @param baseDigest the config label {@code org.opencontainers.image.base.digest}, or null
 * @param distroId the os-release {@code ID} ({@code debian}, {@code ubuntu}, {@code alpine}), or null
 * @param distroVersion the os-release {@code VERSION_ID} ({@code 12}, {@code 3.20.3}), or null
 * @param runtimes the runtime versions found in the image, at most one per family
 * @param sourcePackages the installed distro source package names, for the security support lists
 */
public record ImageFacts(String image, String baseName, String baseDigest, String distroId, String distroVersion,
        List<RuntimeVersion> runtimes, List<String> sourcePackages) {

    // Pre-defined annotation keys of the OCI image spec, which builders also set as config labels.
    private static final String BASE_NAME_LABEL = "org.opencontainers.image.base.name";
    private static final String BASE_DIGEST_LABEL = "org.opencontainers.image.base.digest";
    private static final String NODE_VERSION_ENV = "NODE_VERSION=";

    public ImageFacts {
        runtimes = List.copyOf(runtimes);
        sourcePackages = List.copyOf(sourcePackages);
    }

    /** Creates facts without a base digest label, with a Node.js version from an unnamed source. */
    public ImageFacts(String image, String baseName, String distroId, String distroVersion, String nodeVersion,
            List<String> sourcePackages) {
        this(image, baseName, null, distroId, distroVersion,
                nodeVersion == null ? List.of() : List.of(new RuntimeVersion(ImageFamily.NODE, nodeVersion, "image")),
                sourcePackages);
    }

    /**
     * Gathers the facts from what a scan of the image found. A runtime binary wins over
     * {@code ENV NODE_VERSION}, which counts only when no Node.js binary was found. The source of a
     * Node.js binary also names an {@code ENV NODE_VERSION} that disagrees with it.
     *
     * <pre>{@code
     * fromImage("app:1", {org.opencontainers.image.base.name=node:20-bookworm-slim}, [NODE_VERSION=20.17.0],
     *     "debian", "12", [NODE 20.18.0 "binary /usr/local/bin/node"], [glibc])
     *   -> runtimes [NODE 20.18.0 "binary /usr/local/bin/node (ENV NODE_VERSION is 20.17.0)"]
     * }</pre>
     *
     * @param labels the image config's labels
     * @param env the image config's environment, {@code NAME=VALUE} entries
     * @param binaries the runtime versions read from binaries in the image, the first one per family counting
     */
    public static ImageFacts fromImage(String image, Map<String, String> labels, List<String> env, String distroId,
            String distroVersion, List<RuntimeVersion> binaries, List<String> sourcePackages) {
        String envVersion = env.stream()
                .filter(entry -> entry.startsWith(NODE_VERSION_ENV))
                .map(entry -> entry.substring(NODE_VERSION_ENV.length()).replaceFirst("^v", ""))
                .findFirst().orElse(null);
        List<RuntimeVersion> runtimes = new ArrayList<>();
        for (RuntimeVersion binary : binaries) {
            if (runtimes.stream().anyMatch(found -> found.family() == binary.family())) {
                continue;
            }
            boolean envDisagrees = binary.family() == ImageFamily.NODE && envVersion != null
                    && !envVersion.equals(binary.version());
            runtimes.add(envDisagrees
                    ? new RuntimeVersion(binary.family(), binary.version(),
                            binary.source() + " (ENV NODE_VERSION is " + envVersion + ")")
                    : binary);
        }
        if (envVersion != null && runtimes.stream().noneMatch(found -> found.family() == ImageFamily.NODE)) {
            runtimes.add(new RuntimeVersion(ImageFamily.NODE, envVersion, "ENV NODE_VERSION"));
        }
        return new ImageFacts(image, labels.get(BASE_NAME_LABEL), labels.get(BASE_DIGEST_LABEL), distroId, distroVersion,
                runtimes, sourcePackages);
    }

    /** Finds the runtime version of a family. */
    public Optional<RuntimeVersion> runtime(ImageFamily family) {
        return runtimes.stream().filter(found -> found.family() == family).findFirst();
    }
}
