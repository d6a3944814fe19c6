package dev.portcullis.image.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One image of a docker-save tarball's {@code manifest.json}, for example
 * {@code {"Config":"<hex>.json","RepoTags":["demo:1"],"Layers":["<id>/layer.tar"]}}.
 *
 * @see <a href="https://github.com/moby/moby/blob/master/image/spec/v1.2.md">Docker image specification v1.2</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerManifestEntryJson(
        @JsonProperty("Config") String config,
        @JsonProperty("RepoTags") List<String> repoTags,
        @JsonProperty("Layers") List<String> layers) {}
