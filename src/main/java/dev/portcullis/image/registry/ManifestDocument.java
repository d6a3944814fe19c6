package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fetched manifest or image index with its digest, in OCI or Docker v2 form.
 *
 * @param bytes the exact bytes served, which the digest covers
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image manifest</a>
 * @see <a href="https://distribution.github.io/distribution/spec/manifest-v2-2/">Docker image manifest v2.2</a>
 */
record ManifestDocument(String mediaType, String digest, byte[] bytes, JsonNode root) {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String ACCEPT = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST);

    private static final Set<String> INDEX_TYPES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
    private static final Set<String> IMAGE_TYPES = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses served bytes. The media type comes from the document, else from the Content-Type header.
     *
     * @throws ImageException when the bytes are not JSON or the media type is not supported
     */
    static ManifestDocument parse(ImageReference ref, String digest, byte[] bytes, String contentType)
            throws ImageException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ImageException("Manifest " + digest + " of " + ref + " is not valid JSON: " + e.getMessage(), e);
        }
        String mediaType = root.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        }
        if (mediaType.isEmpty() || mediaType.equals("application/json")) {
            // An OCI document may omit its media type, so a manifests array marks an index.
            mediaType = root.has("manifests") ? OCI_INDEX : OCI_MANIFEST;
        }
        if (root.path("schemaVersion").asInt() == 1 || mediaType.startsWith("application/vnd.docker.distribution.manifest.v1")) {
            throw new ImageException("Image " + ref + " uses the Docker schema 1 manifest format, which is not"
                    + " supported. Push it again with a current Docker or skopeo to get a v2 or OCI manifest");
        }
        if (!INDEX_TYPES.contains(mediaType) && !IMAGE_TYPES.contains(mediaType)) {
            throw new ImageException("Manifest " + digest + " of " + ref + " has the unsupported media type "
                    + mediaType + "; expected an OCI or Docker v2 image manifest or index");
        }
        return new ManifestDocument(mediaType, digest, bytes, root);
    }

    boolean isIndex() {
        return INDEX_TYPES.contains(mediaType);
    }

    static boolean isIndexType(String mediaType) {
        return INDEX_TYPES.contains(mediaType);
    }

    List<Descriptor> manifests() {
        return descriptors(root.path("manifests"));
    }

    Descriptor config() {
        return Descriptor.from(root.path("config"));
    }

    List<Descriptor> layers() {
        return descriptors(root.path("layers"));
    }

    private static List<Descriptor> descriptors(JsonNode array) {
        List<Descriptor> result = new ArrayList<>();
        array.forEach(node -> result.add(Descriptor.from(node)));
        return result;
    }
}
