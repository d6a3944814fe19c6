package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.SourceKind;
import dev.portcullis.image.json.DescriptorJson;
import dev.portcullis.image.json.ImageConfigJson;
import dev.portcullis.image.json.JsonBlobReader;
import dev.portcullis.image.json.ManifestJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an OCI image layout, as a folder or inside an archive: {@code index.json} leads to a manifest
 * (through an image index for multi-platform images), the manifest to the config and the layers.
 * Manifests and config are verified against their digests.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image layout</a>
 */
final class OciLayoutSource {

    private static final int MAX_JSON_SIZE = 16 * 1024 * 1024;
    private static final int MAX_INDEX_DEPTH = 4;

    private final JsonBlobReader json;

    OciLayoutSource(JsonBlobReader json) {
        this.json = json;
    }

    /**
     * Picks the image a tag names, or the only image when the tag is null.
     *
     * @throws ImageException when the layout is invalid, the tag is missing, or no image fits the platform
     */
    ResolvedImage resolve(BlobStore store, SourceKind kind, String tag, String platform) throws ImageException {
        String indexLocation = store.name() + " index.json";
        ManifestJson index = json.read(store.readAll("index.json", MAX_JSON_SIZE), ManifestJson.class, indexLocation);
        List<DescriptorJson> manifests = index.manifests() == null ? List.of() : index.manifests();
        if (manifests.isEmpty()) {
            throw new ImageException(indexLocation + " lists no images; the layout is empty");
        }
        List<DescriptorJson> candidates = candidates(manifests, tag, store.name());
        PlatformSelector selector = PlatformSelector.parse(platform);
        DescriptorJson chosen = candidates.size() == 1 ? candidates.getFirst() : selector.select(candidates, indexLocation);
        List<String> tags = tag != null ? List.of(tag) : tagsOf(candidates);

        for (int depth = 0; depth < MAX_INDEX_DEPTH; depth++) {
            String location = store.name() + " blob " + chosen.digest();
            byte[] bytes = readBlob(store, chosen, location);
            ManifestJson manifest = json.read(bytes, ManifestJson.class, location);
            if (!manifest.isIndex()) {
                return toImage(store, kind, chosen.digest(), manifest, tags, location);
            }
            chosen = selector.select(manifest.manifests(), location);
        }
        throw new ImageException(store.name() + ": image indexes nest more than " + MAX_INDEX_DEPTH + " deep");
    }

    private ResolvedImage toImage(BlobStore store, SourceKind kind, String manifestDigest, ManifestJson manifest,
            List<String> tags, String location) throws ImageException {
        if (manifest.config() == null) {
            throw new ImageException(location + " is not an image manifest: it names no config");
        }
        String configLocation = store.name() + " config blob " + manifest.config().digest();
        byte[] configBytes = readBlob(store, manifest.config(), configLocation);
        ImageConfigJson config = json.read(configBytes, ImageConfigJson.class, configLocation);
        List<LayerBlob> layers = new ArrayList<>();
        for (DescriptorJson layer : manifest.layers() == null ? List.<DescriptorJson>of() : manifest.layers()) {
            String path = Digests.blobPath(layer.digest(), location);
            if (!store.exists(path)) {
                throw new ImageException(location + " names layer " + layer.digest() + ", which " + store.name()
                        + " does not contain (" + path + "); the image is incomplete, so copy it again");
            }
            layers.add(new LayerBlob(path, layer.digest(), layer.size(), layer.mediaType()));
        }
        return new ResolvedImage(kind, store, manifestDigest, manifest.config().digest(), tags, config,
                List.copyOf(layers));
    }

    private byte[] readBlob(BlobStore store, DescriptorJson descriptor, String location) throws ImageException {
        String path = Digests.blobPath(descriptor.digest(), location);
        byte[] bytes = store.readAll(path, MAX_JSON_SIZE);
        Digests.verify(bytes, descriptor.digest(), location);
        return bytes;
    }

    private static List<DescriptorJson> candidates(List<DescriptorJson> manifests, String tag, String source)
            throws ImageException {
        List<String> tags = tagsOf(manifests);
        if (tag != null) {
            List<DescriptorJson> tagged = manifests.stream().filter(d -> tag.equals(d.refName())).toList();
            if (tagged.isEmpty()) {
                throw new ImageException(source + " has no image tagged '" + tag + "'; its tags: "
                        + (tags.isEmpty() ? "none" : String.join(", ", tags)));
            }
            return tagged;
        }
        // One image may be listed once per platform under a single tag; that is still one image.
        if (manifests.size() == 1 || tags.size() <= 1 && manifests.stream().allMatch(d -> d.platform() != null)) {
            return manifests;
        }
        throw new ImageException(source + " contains " + manifests.size() + " images; name one with PATH:TAG, tags: "
                + (tags.isEmpty() ? "none" : String.join(", ", tags)));
    }

    private static List<String> tagsOf(List<DescriptorJson> manifests) {
        return manifests.stream().map(DescriptorJson::refName).filter(Objects::nonNull).distinct().toList();
    }
}
