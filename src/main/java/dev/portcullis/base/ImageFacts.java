package dev.portcullis.base;

import java.util.List;

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

    /** Creates facts without a base digest label and without saying where the Node.js version was read. */
    public ImageFacts(String image, String baseName, String distroId, String distroVersion, String nodeVersion,
            List<String> sourcePackages) {
        this(image, baseName, null, distroId, distroVersion, nodeVersion, null, sourcePackages);
    }
}
