package dev.portcullis.image;

import dev.portcullis.image.json.ImageConfigMapper;
import dev.portcullis.image.layer.LayerCheck;
import dev.portcullis.image.layer.LayerDigests;
import dev.portcullis.image.layer.LayerReader;
import dev.portcullis.image.source.LayerBlob;
import dev.portcullis.image.source.ResolvedImage;
import dev.portcullis.image.tree.ContentStore;
import dev.portcullis.image.tree.RecordedLayer;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the layers of a resolved image, each once, into a merged tree. Layers are read and
 * decompressed in parallel, on at most one thread per available processor, and each is recorded
 * with the content of its requested files. The records are then merged in layer order, so whiteouts
 * and overwrites apply exactly as in a sequential read.
 */
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
        ProgressRelay relay = new ProgressRelay(progress, blobs.stream().mapToLong(LayerBlob::size).toArray());
        ContentStore contentStore = new ContentStore(tempFolder.path(), maxInMemory());
        List<Layer> layers = new ArrayList<>();
        int threads = Math.max(1, Math.min(blobs.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("layer-reader-", 1).daemon().factory())) {
            List<Future<LayerRead>> reads = new ArrayList<>();
            for (int index = 0; index < blobs.size(); index++) {
                String diffId = diffIds.isEmpty() ? null : diffIds.get(index);
                LayerTask task = new LayerTask(image, index, diffId, request, contentStore, relay);
                reads.add(pool.submit(task::read));
            }
            for (int index = 0; index < blobs.size(); index++) {
                LayerRead read = await(reads.get(index), pool);
                LayerBlob blob = blobs.get(index);
                builder.startLayer(index, "layer " + index + " (" + blob.path() + ")");
                read.entries().applyTo(builder);
                builder.finishLayer();
                String diffId = diffIds.isEmpty() ? read.digests().diffId() : diffIds.get(index);
                layers.add(new Layer(index, read.digests().digest(), diffId, read.digests().size(), blob.mediaType(),
                        createdBy(config, index)));
                LOG.debug("merged layer {} of {}: {}", index + 1, blobs.size(), read.digests().digest());
            }
        }
        progress.finished();

        ImageMetadata metadata = new ImageMetadata(reference, image.kind(), image.manifestDigest(),
                image.configDigest(), image.tags(), config, List.copyOf(layers));
        return new LoadedImage(metadata, builder.build(), List.copyOf(skipped), tempFolder);
    }

    /** Waits for one layer. On a failure it stops the reads still running, so closing the pool returns soon. */
    private static LayerRead await(Future<LayerRead> read, ExecutorService pool) throws ImageException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new ImageException("reading the layers was interrupted, so no image was read; run the command again", e);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            switch (e.getCause()) {
                case ImageException cause -> throw cause;
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw new IllegalStateException("unexpected failure reading a layer", e.getCause());
            }
        }
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

    /** One layer read on a pool thread. */
    private record LayerTask(ResolvedImage image, int index, String diffId, FileRequest request,
            ContentStore contentStore, ProgressRelay relay) {

        LayerRead read() throws ImageException {
            LayerBlob blob = image.layers().get(index);
            String location = image.store().describe(blob.path());
            RecordedLayer entries = new RecordedLayer(request);
            LayerReader reader = new LayerReader(contentStore, relay.forLayer(index));
            try (InputStream in = image.store().open(blob.path())) {
                LayerDigests digests = reader.read(in, new LayerCheck(location, blob.digest(), diffId), entries);
                LOG.debug("read layer {} of {}: {}", index + 1, image.layers().size(), digests.digest());
                return new LayerRead(entries, digests);
            } catch (IOException e) {
                throw new ImageException("cannot read layer " + location + ": " + e.getMessage(), e);
            } finally {
                relay.layerFinished(index);
            }
        }
    }

    /** A layer read to its end and verified, waiting to be merged. */
    private record LayerRead(RecordedLayer entries, LayerDigests digests) {}
}
