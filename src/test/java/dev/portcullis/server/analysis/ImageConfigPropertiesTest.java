package dev.portcullis.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageConfigPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldReadBackWrittenConfig() {
        ImageConfig config = new ImageConfig("linux", "arm64", "v8", "2026-11-30T08:00:00Z", "node",
                List.of("NPM_TOKEN=secret"), List.of("3000/tcp", "9229/tcp"), List.of("docker-entrypoint.sh"),
                List.of("node", "server.js"), "/app", null, Map.of("org.example", "x"), List.of());

        JsonNode properties = MAPPER.valueToTree(ImageConfigProperties.of(config));
        ImageConfig read = ImageConfigProperties.read(properties).orElseThrow();

        assertThat(properties.toString()).doesNotContain("NPM_TOKEN");
        assertThat(read.user()).isEqualTo("node");
        assertThat(read.exposedPorts()).containsExactly("3000/tcp", "9229/tcp");
        assertThat(read.entrypoint()).containsExactly("docker-entrypoint.sh");
        assertThat(read.cmd()).containsExactly("node", "server.js");
        assertThat(read.workingDir()).isEqualTo("/app");
        assertThat(read.os()).isEqualTo("linux");
        assertThat(read.architecture()).isEqualTo("arm64");
        assertThat(read.env()).isEmpty();
    }

    @Test
    void shouldReadEmptyConfigFromMarkerAlone() throws Exception {
        JsonNode properties = MAPPER.readTree("[{\"name\":\"portcullis:image:config\",\"value\":\"included\"}]");

        ImageConfig read = ImageConfigProperties.read(properties).orElseThrow();

        assertThat(read.exposedPorts()).isEmpty();
        assertThat(read.user()).isNull();
    }

    @Test
    void shouldReturnEmptyWithoutMarker() throws Exception {
        JsonNode properties = MAPPER.readTree("""
                [{"name":"portcullis:image:user","value":"node"},
                 {"name":"portcullis:image:configDigest","value":"sha256:ab"}]""");

        assertThat(ImageConfigProperties.read(properties)).isEmpty();
    }

    @Test
    void shouldReadMalformedCommandAsEmpty() throws Exception {
        JsonNode properties = MAPPER.readTree("""
                [{"name":"portcullis:image:config","value":"included"},
                 {"name":"portcullis:image:cmd","value":"node server.js"}]""");

        assertThat(ImageConfigProperties.read(properties).orElseThrow().cmd()).isEmpty();
    }
}
