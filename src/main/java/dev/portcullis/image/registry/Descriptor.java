package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A content descriptor from a manifest or an image index.
 *
 * @param platform the index entry's platform, null for config and layer descriptors or when absent
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI descriptor</a>
 */
record Descriptor(String mediaType, String digest, long size, Platform platform) {

    static Descriptor from(JsonNode node) {
        JsonNode platformNode = node.path("platform");
        Platform platform = platformNode.isObject()
                ? new Platform(platformNode.path("os").asText(""), platformNode.path("architecture").asText(""),
                        platformNode.hasNonNull("variant") ? platformNode.path("variant").asText() : null)
                : null;
        return new Descriptor(node.path("mediaType").asText(""), node.path("digest").asText(""),
                node.path("size").asLong(-1), platform);
    }

    /** Returns the hex part of a {@code sha256:<hex>} digest. */
    String hex() {
        return digest.substring(digest.indexOf(':') + 1);
    }
}
