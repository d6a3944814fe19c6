package dev.portcullis.image.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * An OCI content descriptor as JSON carries it.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI descriptor</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescriptorJson(
        String mediaType, String digest, long size, Map<String, String> annotations, PlatformJson platform) {

    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    /** Returns the tag this descriptor carries in an OCI layout's index, or null. */
    public String refName() {
        return annotations == null ? null : annotations.get(REF_NAME);
    }
}
