package dev.portcullis.image.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An OCI or Docker image config as JSON carries it.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/config.md">OCI image configuration</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfigJson(
        String created,
        String architecture,
        String os,
        String variant,
        ContainerConfig config,
        Rootfs rootfs,
        List<History> history) {

    /** The runtime defaults, with the capitalized keys Docker introduced. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContainerConfig(
            @JsonProperty("User") String user,
            @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("Healthcheck") HealthcheckJson healthcheck) {}

    /** Docker's HEALTHCHECK; OCI leaves it out of the spec but Docker-built images carry it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HealthcheckJson(
            @JsonProperty("Test") List<String> test,
            @JsonProperty("Interval") long interval,
            @JsonProperty("Timeout") long timeout,
            @JsonProperty("StartPeriod") long startPeriod,
            @JsonProperty("Retries") int retries) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rootfs(String type, @JsonProperty("diff_ids") List<String> diffIds) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(
            String created,
            @JsonProperty("created_by") String createdBy,
            String comment,
            @JsonProperty("empty_layer") boolean emptyLayer) {}
}
