package dev.portcullis.image;

import dev.portcullis.image.json.JsonBlobReader;
import dev.portcullis.image.rootfs.RootfsReader;
import dev.portcullis.image.source.ImageReference;
import dev.portcullis.image.source.LocalSource;
import dev.portcullis.image.source.SourceDetector;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens IMAGE arguments: a docker-save tarball, an OCI layout folder or archive, or a root filesystem
 * folder, detected from the content unless a prefix ({@code oci:}, {@code oci-archive:},
 * {@code docker-archive:}, {@code dir:}) forces the kind. {@code PATH:TAG} picks a tag.
 *
 * <pre>{@code
 * try (OpenedImage image = new ImageOpener(ImageOptions.defaults())
 *                 .open("oci:images/app:1.0", FileRequest.globs("/var/lib/dpkg/status"));
 *         InputStream status = image.files().open("/var/lib/dpkg/status")) {
 *     // parse the dpkg database
 * }
 * }</pre>
 */
public final class ImageOpener {

    private final ImageOptions options;

    public ImageOpener(ImageOptions options) {
        this.options = options;
    }

    /**
     * Reads every layer once and builds the merged file tree, keeping the content of files the request
     * accepts. Nothing is written outside a private temporary folder, which closing the image deletes.
     *
     * @throws ImageException when the input cannot be used at all
     */
    public OpenedImage open(String reference, FileRequest request) throws ImageException {
        return open(reference, request, false);
    }

    /**
     * Opens the image as {@link #open} does and also keeps every layer's entry list, files that later
     * layers delete included, for {@link OpenedImage#layerEntries}. That costs one small record per
     * archive entry; content is still kept only for requested files.
     *
     * @throws ImageException when the input cannot be used at all
     */
    public OpenedImage openWithLayerEntries(String reference, FileRequest request) throws ImageException {
        return open(reference, request, true);
    }

    private OpenedImage open(String reference, FileRequest request, boolean listLayers) throws ImageException {
        ImageReference parsed = ImageReference.parse(reference);
        TempFolder tempFolder = TempFolder.create(options.tempRoot());
        try {
            LocalSource source = new SourceDetector(new JsonBlobReader()).open(parsed, options.platform());
            return switch (source) {
                case LocalSource.Layered layered -> loadLayers(reference, layered, request, tempFolder, listLayers);
                case LocalSource.RootFolder folder -> loadRootFolder(reference, folder, request, tempFolder);
            };
        } catch (ImageException | RuntimeException e) {
            tempFolder.delete();
            throw e;
        }
    }

    private OpenedImage loadLayers(String reference, LocalSource.Layered source, FileRequest request,
            TempFolder tempFolder, boolean listLayers) throws ImageException {
        try (var store = source.image().store()) {
            return new LayeredImageLoader(options).load(reference, source.image(), request, tempFolder, listLayers);
        } catch (IOException e) {
            throw new ImageException("cannot read " + source.image().store().name() + ": " + e.getMessage(), e);
        }
    }

    private static OpenedImage loadRootFolder(String reference, LocalSource.RootFolder folder, FileRequest request,
            TempFolder tempFolder) throws ImageException {
        List<Skipped> skipped = new ArrayList<>();
        TreeBuilder builder = new TreeBuilder(request, skipped);
        try {
            new RootfsReader().read(folder.root(), builder);
        } catch (IOException e) {
            throw new ImageException("cannot read root filesystem folder " + folder.root() + ": " + e.getMessage(), e);
        }
        ImageMetadata metadata = new ImageMetadata(reference, folder.kind(), null, null, List.of(),
                ImageConfig.empty(), List.of());
        return new LoadedImage(metadata, builder.build(), List.copyOf(skipped), tempFolder);
    }
}
