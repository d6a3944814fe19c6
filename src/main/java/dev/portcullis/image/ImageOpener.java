package dev.portcullis.image;

/**
 * Opens IMAGE arguments: a docker-save tarball, an OCI layout folder or archive, or a root filesystem
 * folder, told apart by content unless a prefix ({@code oci:}, {@code oci-archive:},
 * {@code docker-archive:}, {@code dir:}) forces the kind.
 */
public final class ImageOpener {

    private final ImageOptions options;

    public ImageOpener(ImageOptions options) {
        this.options = options;
    }

    /**
     * Reads every layer once and builds the merged file tree, keeping the content of files the request
     * accepts.
     *
     * @throws ImageException when the input cannot be used at all
     */
    public OpenedImage open(String reference, FileRequest request) throws ImageException {
        throw new ImageException("not implemented yet: " + reference + " " + options);
    }
}
