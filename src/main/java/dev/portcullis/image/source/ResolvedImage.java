package dev.portcullis.image.source;

import dev.portcullis.image.SourceKind;
import dev.portcullis.image.json.ImageConfigJson;
import java.util.List;

/**
 * An image picked out of its source, with its config read and its layers located but not yet read.
 *
 * @param store where the layer blobs are; the caller closes it
 * @param manifestDigest digest of the image manifest, or null for docker-save tarballs
 * @param configDigest digest of the config blob
 * @param tags tags naming the image in its source
 */
public record ResolvedImage(
        SourceKind kind,
        BlobStore store,
        String manifestDigest,
        String configDigest,
        List<String> tags,
        ImageConfigJson config,
        List<LayerBlob> layers) {}
