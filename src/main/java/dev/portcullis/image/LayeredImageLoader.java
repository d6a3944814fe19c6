package dev.portcullis.image;

import dev.portcullis.image.json.ImageConfigMapper;
import dev.portcullis.image.layer.LayerCheck;
import dev.portcullis.image.layer.LayerDigests;
import dev.portcullis.image.layer.LayerReader;
import dev.portcullis.image.source.LayerBlob;
import dev.portcullis.image.source.ResolvedImage;
import dev.portcullis.image.tree.ContentStore;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the layers of a resolved image, in order and each once, into a merged tree. */
final class LayeredImageLoader {

    private static final Logger LOG = LoggerFactory.getLogger(LayeredImageLoader.class);

    private final ImageConfigMapper configMapper = new ImageConfigMapper();
    private final ImageOptions options;

    LayeredImageLoader(ImageOptions options) {
        this.options = options;
    }

    OpenedImage load(String reference, ResolvedImage image, FileRequest request, TempFolder tempFolder)
            throws ImageException {
        ImageConfig config = configMapper.toConfig(image.config());
        List<String> diffIds = configMapper.diffIds(image.config());
        List<LayerBlob> blobs = image.layers();
        if (!diffIds.isEmpty() && diffIds.size() != blobs.size()) {
            throw new ImageException(image.store().name() + ": the config lists " + diffIds.size()
                    + " diff ids but the manifest names " + blobs.size() + " layers; the image is damaged");
        }

        List<Skipped> skipped = new ArrayList<>();
        TreeBuilder builder = new TreeBuilder(request, skipped);
        ReadProgress progress = options.progress() == null ? ReadProgress.NONE : options.progress();
        LayerReader reader = new LayerReader(new ContentStore(tempFolder.path(), maxInMemory()), progress);
        List<Layer> layers = new ArrayList<>();
        for (int index = 0; index < blobs.size(); index++) {
            LayerBlob blob = blobs.get(index);
            String location = image.store().describe(blob.path());
            String diffId = diffIds.isEmpty() ? null : diffIds.get(index);
            progress.layerStarted(index, blobs.size(), blob.size());
            builder.startLayer(index, "layer " + index + " (" + blob.path() + ")");
            LayerDigests digests;
            try (InputStream in = image.store().open(blob.path())) {
                digests = reader.read(in, new LayerCheck(location, blob.digest(), diffId), builder);
            } catch (IOException e) {
                throw new ImageException("cannot read layer " + location + ": " + e.getMessage(), e);
            }
            builder.finishLayer();
            layers.add(new Layer(index, digests.digest(), diffId == null ? digests.diffId() : diffId, digests.size(),
                    blob.mediaType(), createdBy(config, index)));
            LOG.debug("read layer {} of {}: {}", index + 1, blobs.size(), digests.digest());
        }
        progress.finished();

        ImageMetadata metadata = new ImageMetadata(reference, image.kind(), image.manifestDigest(),
                image.configDigest(), image.tags(), config, List.copyOf(layers));
        return new LoadedImage(metadata, builder.build(), List.copyOf(skipped), tempFolder);
    }

    private long maxInMemory() {
        return options.maxInMemoryFileSize() > 0 ? options.maxInMemoryFileSize() : ImageOptions.DEFAULT_MAX_IN_MEMORY;
    }

    private static String createdBy(ImageConfig config, int layerIndex) {
        return config.history().stream()
                .filter(entry -> entry.layerIndex() == layerIndex)
                .map(HistoryEntry::createdBy)
                .findFirst()
                .orElse(null);
    }
}
