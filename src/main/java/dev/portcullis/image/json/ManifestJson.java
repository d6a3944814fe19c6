package dev.portcullis.image.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An OCI image manifest or image index, or their Docker counterparts (schema 2 manifest, manifest
 * list). An index lists {@code manifests}; a manifest names a {@code config} and {@code layers}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image manifest</a>
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image index</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestJson(
        int schemaVersion,
        String mediaType,
        List<DescriptorJson> manifests,
        DescriptorJson config,
        List<DescriptorJson> layers) {

    public boolean isIndex() {
        return manifests != null && config == null;
    }
}
