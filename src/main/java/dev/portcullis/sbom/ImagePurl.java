package dev.portcullis.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.SourceKind;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@code pkg:oci} package URL of a scanned image, for example
 * {@code pkg:oci/shop-api@sha256%3A9f86...?arch=amd64&tag=1.4}. The OCI purl type names an image by
 * its manifest digest, so an image without one (a root filesystem folder) has no purl. See
 * <a href="https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst#oci">the oci purl type</a>.
 */
public final class ImagePurl {

    private ImagePurl() {}

    /** Returns the purl, or empty when the image has no manifest digest or no usable name. */
    public static Optional<String> of(ImageMetadata image) {
        if (image.manifestDigest() == null || image.reference() == null) {
            return Optional.empty();
        }
        String repository = repository(image.reference(), image.kind());
        String name = lastSegment(repository).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (image.config() != null && image.config().architecture() != null) {
            qualifiers.put("arch", image.config().architecture());
        }
        if (image.kind() == SourceKind.REGISTRY) {
            qualifiers.put("repository_url", repository.toLowerCase(Locale.ROOT));
        }
        image.tags().stream().sorted().findFirst().ifPresent(tag -> qualifiers.put("tag", tag));
        try {
            PackageURL purl = new PackageURL("oci", null, name, image.manifestDigest(), qualifiers, null);
            return Optional.of(purl.canonicalize());
        } catch (MalformedPackageURLException e) {
            // A name the purl library rejects leaves the image without a purl, and the SBOM stays valid.
            return Optional.empty();
        }
    }

    /**
     * Strips the IMAGE prefix, digest and tag: {@code registry:ghcr.io/acme/api:1.4} gives
     * {@code ghcr.io/acme/api}.
     */
    static String repository(String reference, SourceKind kind) {
        String repository = reference;
        if (kind != null && repository.startsWith(kind.prefix() + ":")) {
            repository = repository.substring(kind.prefix().length() + 1);
        }
        int at = repository.indexOf('@');
        if (at >= 0) {
            repository = repository.substring(0, at);
        }
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            repository = repository.substring(0, colon);
        }
        return repository;
    }

    private static String lastSegment(String repository) {
        String trimmed = repository.endsWith("/") ? repository.substring(0, repository.length() - 1) : repository;
        String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return segment.endsWith(".tar") ? segment.substring(0, segment.length() - ".tar".length()) : segment;
    }
}
