package dev.portcullis.image.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.HistoryEntry;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageConfigMapperTest {

    private static final String DOCKER_CONFIG = """
            {"architecture":"arm64","variant":"v8","os":"linux","created":"2024-01-02T03:04:05Z",
             "config":{"User":"","Env":["A=1"],"Entrypoint":"/entry.sh","Cmd":null,"WorkingDir":"",
               "ExposedPorts":{"8080/tcp":{},"53/udp":{}},"Labels":{"b":"2","a":null},
               "Healthcheck":{"Test":["CMD-SHELL","curl -f http://localhost/"],"Interval":30000000000,
                 "Timeout":5000000000,"StartPeriod":0,"Retries":3}},
             "rootfs":{"type":"layers","diff_ids":["sha256:aa","sha256:bb"]},
             "history":[{"created_by":"ADD rootfs.tar /"},{"created_by":"ENV A=1","empty_layer":true},
                        {"created_by":"RUN make","comment":"buildkit"}]}
            """;

    private final JsonBlobReader reader = new JsonBlobReader();
    private final ImageConfigMapper mapper = new ImageConfigMapper();

    @Test
    void shouldMapDockerConfig() throws Exception {
        ImageConfigJson json = reader.read(DOCKER_CONFIG.getBytes(StandardCharsets.UTF_8), ImageConfigJson.class, "c");

        ImageConfig config = mapper.toConfig(json);

        assertThat(config.architecture()).isEqualTo("arm64");
        assertThat(config.variant()).isEqualTo("v8");
        assertThat(config.user()).isNull();
        assertThat(config.workingDir()).isNull();
        assertThat(config.entrypoint()).containsExactly("/entry.sh");
        assertThat(config.cmd()).isEmpty();
        assertThat(config.exposedPorts()).containsExactly("53/udp", "8080/tcp");
        assertThat(config.labels()).containsExactly(
                org.assertj.core.api.Assertions.entry("a", ""), org.assertj.core.api.Assertions.entry("b", "2"));
        assertThat(config.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f http://localhost/");
        assertThat(config.healthcheck().intervalNanos()).isEqualTo(30_000_000_000L);
        assertThat(config.healthcheck().retries()).isEqualTo(3);
        assertThat(mapper.diffIds(json)).containsExactly("sha256:aa", "sha256:bb");
    }

    @Test
    void shouldMapHistoryToLayersSkippingEmptyLayers() throws Exception {
        ImageConfigJson json = reader.read(DOCKER_CONFIG.getBytes(StandardCharsets.UTF_8), ImageConfigJson.class, "c");

        assertThat(mapper.toConfig(json).history()).extracting(HistoryEntry::createdBy, HistoryEntry::layerIndex)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("ADD rootfs.tar /", 0),
                        org.assertj.core.api.Assertions.tuple("ENV A=1", -1),
                        org.assertj.core.api.Assertions.tuple("RUN make", 1));
    }

    @Test
    void shouldMapConfigWithoutRuntimeSection() throws Exception {
        ImageConfigJson json = reader.read("{\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8), ImageConfigJson.class, "c");

        ImageConfig config = mapper.toConfig(json);

        assertThat(config.env()).isEmpty();
        assertThat(config.labels()).isEmpty();
        assertThat(config.healthcheck()).isNull();
        assertThat(mapper.diffIds(json)).isEmpty();
    }

    @Test
    void shouldNameFileOfInvalidJson() {
        assertThatThrownBy(() -> reader.read("{\"os\":".getBytes(StandardCharsets.UTF_8), ImageConfigJson.class,
                "image.tar entry abc.json"))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith("image.tar entry abc.json is not valid JSON");
    }
}
