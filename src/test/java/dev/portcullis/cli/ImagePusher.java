package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.image.fixtures.OciLayoutWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Pushes one-layer images to a plain HTTP registry through the OCI distribution API: each blob with
 * a monolithic upload (POST, then PUT with the digest), then the manifest under a tag.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#push">OCI distribution: push</a>
 */
final class ImagePusher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    ImagePusher(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Pushes an image with one layer made of the uncompressed tar, the given environment and labels,
     * and returns the manifest digest.
     */
    String push(String repository, String tag, byte[] layerTar, List<String> env, Map<String, String> labels)
            throws IOException, InterruptedException {
        byte[] layer = gzip(layerTar);
        ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
        ObjectNode settings = config.putObject("config");
        env.forEach(settings.putArray("Env")::add);
        ObjectNode labelNode = settings.putObject("Labels");
        labels.forEach(labelNode::put);
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(OciLayoutWriter.digest(layerTar));
        byte[] configBytes = JSON.writeValueAsBytes(config);

        uploadBlob(repository, configBytes);
        uploadBlob(repository, layer);
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciLayoutWriter.MANIFEST);
        manifest.set("config", descriptor("application/vnd.oci.image.config.v1+json", configBytes));
        manifest.putArray("layers").add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer));
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(repository, "manifests/" + tag))
                .header("Content-Type", OciLayoutWriter.MANIFEST)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifestBytes))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return OciLayoutWriter.digest(manifestBytes);
    }

    private void uploadBlob(String repository, byte[] content) throws IOException, InterruptedException {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(url(repository, "blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        URI location = started.uri().resolve(started.headers().firstValue("Location").orElseThrow());
        String separator = location.getQuery() == null ? "?" : "&";
        URI target = URI.create(location + separator + "digest=" + OciLayoutWriter.digest(content));
        HttpResponse<String> finished = http.send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(201);
    }

    private static ObjectNode descriptor(String mediaType, byte[] content) {
        return JSON.createObjectNode().put("mediaType", mediaType).put("digest", OciLayoutWriter.digest(content))
                .put("size", content.length);
    }

    private URI url(String repository, String path) {
        return URI.create("http://" + endpoint + "/v2/" + repository + "/" + path);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        http.close();
    }

    /** Returns the bytes of a stand-in Node.js binary: the ELF magic bytes and the version marker the official builds carry. */
    static byte[] nodeBinary(String version) {
        byte[] marker = ("\0\0\0\0node.js/v" + version + "\0\0\0\0").getBytes(StandardCharsets.US_ASCII);
        byte[] binary = new byte[4 + marker.length];
        binary[0] = 0x7f;
        binary[1] = 'E';
        binary[2] = 'L';
        binary[3] = 'F';
        System.arraycopy(marker, 0, binary, 4, marker.length);
        return binary;
    }
}
