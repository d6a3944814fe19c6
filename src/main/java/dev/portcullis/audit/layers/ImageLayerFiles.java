package dev.portcullis.audit.layers;

import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.LayerFileEntry;
import dev.portcullis.image.OpenedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layers of an image opened with {@link dev.portcullis.image.ImageOpener#openWithLayerEntries}, with the
 * content of the files that {@link #request()} asked for.
 *
 * <pre>{@code
 * try (OpenedImage image = opener.openWithLayerEntries("app.tar", ImageLayerFiles.request())) {
 *     AuditResult result = auditor.auditImage(image.metadata(), new ImageLayerFiles(image));
 * }
 * }</pre>
 */
public final class ImageLayerFiles implements LayerFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ImageLayerFiles.class);

    private final OpenedImage image;

    public ImageLayerFiles(OpenedImage image) {
        this.image = image;
    }

    /** Requests the files whose content the layer audit reads: keys, credentials, .npmrc and .env files. */
    public static FileRequest request() {
        return SensitiveFiles::isCandidate;
    }

    @Override
    public int layerCount() {
        return image.metadata().layers().size();
    }

    @Override
    public List<LayerEntry> entries(int layerIndex) {
        return image.layerEntries(layerIndex).stream().map(ImageLayerFiles::toLayerEntry).toList();
    }

    @Override
    public Optional<byte[]> content(int layerIndex, String path, int maxBytes) {
        // A layer that lists the same path twice ships the last copy.
        Optional<FileVersion> copy = image.files().versions(path).stream()
                .filter(version -> version.layerIndex() == layerIndex)
                .reduce((first, second) -> second);
        if (copy.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = copy.get().open()) {
            return Optional.of(in.readNBytes(maxBytes));
        } catch (IOException e) {
            LOG.warn("cannot read {} of layer {}, so it is judged by its path alone: {}", path, layerIndex,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static LayerEntry toLayerEntry(LayerFileEntry entry) {
        return new LayerEntry(entry.path(), entry.type(), entry.mode(), entry.size(), entry.deletedLater());
    }
}
