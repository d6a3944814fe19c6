package dev.portcullis.server.client;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.sbom.cyclonedx.CycloneDxWriter;
import dev.portcullis.server.analysis.ImageConfigProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;

/**
 * Sends scans to a Portcullis server as CycloneDX JSON, for {@code portcullis upload}. {@link #document}
 * writes a scanned inventory with its image config as {@link ImageConfigProperties}, so the server's
 * triage weighs ports and the entrypoint as the CLI does.
 *
 * <pre>{@code
 * ScanUploader uploader = new ScanUploader(URI.create("http://127.0.0.1:8080"), apiKey);
 * Reply reply = uploader.upload("shop", "shop/api", List.of("production"), ScanUploader.document(inventory));
 * reply.status(); // 201
 * }</pre>
 */
public final class ScanUploader {

    /** The server's status code and response body. */
    public record Reply(int status, String body) {}

    private final URI server;
    private final String apiKey;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ScanUploader(URI server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** Writes the inventory as CycloneDX 1.6 JSON with the image config in the image component's properties. */
    public static byte[] document(Inventory inventory) throws IOException {
        Bom bom = new CycloneDxWriter().toBom(inventory);
        ImageConfig config = inventory.image().config();
        Component image = bom.getMetadata().getComponent();
        if (config != null && image != null) {
            List<Property> properties = new ArrayList<>(image.getProperties() == null ? List.of() : image.getProperties());
            properties.addAll(ImageConfigProperties.of(config));
            image.setProperties(properties);
        }
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString(true)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneratorException e) {
            throw new IOException("Failed to generate CycloneDX JSON for " + inventory.image().reference(), e);
        }
    }

    /** Posts the CycloneDX JSON document as a new scan of the image; 201 means stored and analyzed. */
    public Reply upload(String project, String image, List<String> tags, byte[] document)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?project=" + encode(project) + "&image=" + encode(image));
        tags.forEach(tag -> query.append("&tag=").append(encode(tag)));
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/v1/scans" + query))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/vnd.cyclonedx+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
