package dev.portcullis.server.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageConfig;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.model.Property;

/**
 * Carries the parts of an image config that triage reads as properties of the CycloneDX
 * {@code metadata.component}, so a scan uploaded to the server keeps them. The environment, labels
 * and history stay behind, because environment variables often hold secrets.
 *
 * <pre>{@code
 * {"name":"portcullis:image:config","value":"included"}
 * {"name":"portcullis:image:user","value":"node"}
 * {"name":"portcullis:image:exposedPort","value":"3000/tcp"}
 * {"name":"portcullis:image:entrypoint","value":"[\"docker-entrypoint.sh\"]"}
 * {"name":"portcullis:image:cmd","value":"[\"node\",\"server.js\"]"}
 * }</pre>
 *
 * <p>{@code portcullis:image:config} marks that the config travelled, so an image with no user, port,
 * entrypoint or command still reads as a known, empty config.
 *
 * @see <a href="https://cyclonedx.org/docs/1.6/json/#metadata_component_properties">CycloneDX 1.6 component properties</a>
 */
public final class ImageConfigProperties {

    public static final String CONFIG = "portcullis:image:config";
    public static final String USER = "portcullis:image:user";
    public static final String EXPOSED_PORT = "portcullis:image:exposedPort";
    public static final String ENTRYPOINT = "portcullis:image:entrypoint";
    public static final String CMD = "portcullis:image:cmd";
    public static final String WORKING_DIR = "portcullis:image:workingDir";
    public static final String OS = "portcullis:image:os";
    public static final String ARCHITECTURE = "portcullis:image:architecture";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> WORDS = new TypeReference<>() {};

    private ImageConfigProperties() {}

    /** Writes the config as properties, the {@link #CONFIG} marker first. */
    public static List<Property> of(ImageConfig config) {
        List<Property> properties = new ArrayList<>();
        add(properties, CONFIG, "included");
        add(properties, OS, config.os());
        add(properties, ARCHITECTURE, config.architecture());
        add(properties, USER, config.user());
        config.exposedPorts().forEach(port -> add(properties, EXPOSED_PORT, port));
        add(properties, ENTRYPOINT, words(config.entrypoint()));
        add(properties, CMD, words(config.cmd()));
        add(properties, WORKING_DIR, config.workingDir());
        return properties;
    }

    /**
     * Reads the config from a {@code properties} array, or returns empty when the {@link #CONFIG}
     * marker is missing. An entrypoint or command that is not a JSON array of strings reads as empty.
     */
    public static Optional<ImageConfig> read(JsonNode properties) {
        boolean included = false;
        String os = null;
        String architecture = null;
        String user = null;
        String workingDir = null;
        List<String> ports = new ArrayList<>();
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        for (JsonNode property : properties) {
            String value = property.path("value").asText(null);
            switch (property.path("name").asText()) {
                case CONFIG -> included = true;
                case OS -> os = value;
                case ARCHITECTURE -> architecture = value;
                case USER -> user = value;
                case WORKING_DIR -> workingDir = value;
                case EXPOSED_PORT -> {
                    if (value != null) {
                        ports.add(value);
                    }
                }
                case ENTRYPOINT -> entrypoint = parseWords(value);
                case CMD -> cmd = parseWords(value);
                default -> { }
            }
        }
        if (!included) {
            return Optional.empty();
        }
        return Optional.of(new ImageConfig(os, architecture, null, null, user, List.of(), List.copyOf(ports),
                entrypoint, cmd, workingDir, null, Map.of(), List.of()));
    }

    private static void add(List<Property> properties, String name, String value) {
        if (value != null && !value.isEmpty()) {
            properties.add(new Property(name, value));
        }
    }

    private static String words(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> parseWords(String value) {
        if (value == null) {
            return List.of();
        }
        try {
            return List.copyOf(MAPPER.readValue(value, WORDS));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
