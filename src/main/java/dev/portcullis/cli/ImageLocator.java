package dev.portcullis.cli;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.SourceKind;
import dev.portcullis.image.registry.PulledImage;
import dev.portcullis.image.registry.RegistryClient;
import dev.portcullis.image.registry.RegistryOptions;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Turns an IMAGE argument into something the local image reader opens. A path that exists, or one
 * with a local prefix, is read in place; anything else is a registry reference, pulled into an OCI
 * layout in the cache first.
 */
final class ImageLocator {

    private static final String REGISTRY_PREFIX = SourceKind.REGISTRY.prefix() + ":";

    private final RegistryOptions registryOptions;
    private final String platform;

    ImageLocator(RegistryOptions registryOptions, String platform) {
        this.registryOptions = registryOptions;
        this.platform = platform;
    }

    /** Where an IMAGE argument was found. */
    record Located(String localReference, boolean fromRegistry, String registryDigest) {}

    Located locate(String image) throws ImageException {
        if (!isRegistryReference(image)) {
            return new Located(image, false, null);
        }
        String reference = image.startsWith(REGISTRY_PREFIX) ? image.substring(REGISTRY_PREFIX.length()) : image;
        try (RegistryClient client = new RegistryClient(registryOptions)) {
            PulledImage pulled = client.pull(reference, platform);
            return new Located(SourceKind.OCI_LAYOUT.prefix() + ":" + pulled.layout() + ":" + pulled.tag(), true,
                    pulled.manifestDigest());
        } catch (ImageException e) {
            if (image.startsWith(REGISTRY_PREFIX)) {
                throw e;
            }
            // A mistyped local path also ends up here, so say that it was looked for too.
            throw new ImageException(e.getMessage() + " (no local file or folder named " + image + " exists either)",
                    e);
        }
    }

    /** Tests whether IMAGE names a registry image rather than a local file or folder. */
    static boolean isRegistryReference(String image) {
        if (image.startsWith(REGISTRY_PREFIX)) {
            return true;
        }
        boolean localPrefix = Arrays.stream(SourceKind.values())
                .filter(kind -> kind != SourceKind.REGISTRY)
                .anyMatch(kind -> image.startsWith(kind.prefix() + ":"));
        if (localPrefix || existsLocally(image) || looksLikePath(image)) {
            return false;
        }
        // PATH:TAG names a local layout or archive when the part before some colon exists.
        for (int colon = image.lastIndexOf(':'); colon > 0; colon = image.lastIndexOf(':', colon - 1)) {
            if (existsLocally(image.substring(0, colon))) {
                return false;
            }
        }
        return true;
    }

    /** Registry references never start like a file path or name a tarball, so these stay local and get "not found". */
    private static boolean looksLikePath(String image) {
        return image.startsWith("/") || image.startsWith("./") || image.startsWith("../") || image.startsWith("~")
                || image.endsWith(".tar") || image.endsWith(".tar.gz") || image.endsWith(".tgz");
    }

    private static boolean existsLocally(String path) {
        try {
            return !path.isEmpty() && Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
