package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.SourceKind;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A local IMAGE argument taken apart: {@code oci:/images/app:1.0} forces an OCI layout at
 * {@code /images/app} with tag {@code 1.0}; {@code /images/app.tar} leaves the kind to be detected from the content.
 *
 * @param forcedKind the kind a prefix forces, or null
 * @param path the existing file or folder
 * @param tag the tag after {@code PATH:}, or null
 */
public record ImageReference(String text, SourceKind forcedKind, Path path, String tag) {

    private static final SourceKind[] LOCAL_KINDS = {
        SourceKind.OCI_ARCHIVE, SourceKind.OCI_LAYOUT, SourceKind.DOCKER_ARCHIVE, SourceKind.ROOTFS,
        SourceKind.PROJECT
    };

    /**
     * Parses an IMAGE argument naming a local file or folder.
     *
     * @throws ImageException when the path does not exist or names a registry
     */
    public static ImageReference parse(String text) throws ImageException {
        if (text == null || text.isBlank()) {
            throw new ImageException("no image given; name a docker-save tarball, an OCI layout or archive, "
                    + "or a root filesystem folder");
        }
        SourceKind forced = null;
        String rest = text;
        for (SourceKind kind : LOCAL_KINDS) {
            if (text.startsWith(kind.prefix() + ":")) {
                forced = kind;
                rest = text.substring(kind.prefix().length() + 1);
                break;
            }
        }
        if (forced == null && text.startsWith(SourceKind.REGISTRY.prefix() + ":")) {
            throw new ImageException("cannot read " + text + ": registry images are not read by this opener; "
                    + "save the image with docker save or skopeo copy and give the file");
        }
        if (exists(rest)) {
            return new ImageReference(text, forced, Path.of(rest), null);
        }
        // A tag may hold a colon itself (docker-archive:x.tar:demo:1), so the longest existing path wins.
        for (int colon = rest.lastIndexOf(':'); colon > 0 && forced != SourceKind.ROOTFS && forced != SourceKind.PROJECT;
                colon = rest.lastIndexOf(':', colon - 1)) {
            if (colon < rest.length() - 1 && exists(rest.substring(0, colon))) {
                return new ImageReference(text, forced, Path.of(rest.substring(0, colon)), rest.substring(colon + 1));
            }
        }
        throw new ImageException(rest + " not found; name an existing docker-save tarball, OCI layout folder or "
                + "archive, or root filesystem folder");
    }

    private static boolean exists(String path) {
        try {
            return !path.isEmpty() && Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
