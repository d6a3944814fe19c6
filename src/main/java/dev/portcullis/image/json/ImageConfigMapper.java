package dev.portcullis.image.json;

import dev.portcullis.image.Healthcheck;
import dev.portcullis.image.HistoryEntry;
import dev.portcullis.image.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the config JSON to the domain {@link ImageConfig}. History entries that are not
 * {@code empty_layer} belong, in order, to the layers, so the n-th such entry produced layer n.
 */
public final class ImageConfigMapper {

    public ImageConfig toConfig(ImageConfigJson json) {
        ImageConfigJson.ContainerConfig runtime = json.config();
        return new ImageConfig(
                json.os(),
                json.architecture(),
                json.variant(),
                json.created(),
                runtime == null || isBlank(runtime.user()) ? null : runtime.user(),
                runtime == null ? List.of() : copy(runtime.env()),
                runtime == null || runtime.exposedPorts() == null
                        ? List.of()
                        : List.copyOf(new TreeMap<>(runtime.exposedPorts()).keySet()),
                runtime == null ? List.of() : copy(runtime.entrypoint()),
                runtime == null ? List.of() : copy(runtime.cmd()),
                runtime == null || isBlank(runtime.workingDir()) ? null : runtime.workingDir(),
                runtime == null ? null : healthcheck(runtime.healthcheck()),
                runtime == null ? Map.of() : labels(runtime.labels()),
                history(json.history()));
    }

    /** Returns the diff ids from {@code rootfs.diff_ids}, empty when the config has none. */
    public List<String> diffIds(ImageConfigJson json) {
        return json.rootfs() == null ? List.of() : copy(json.rootfs().diffIds());
    }

    private static List<HistoryEntry> history(List<ImageConfigJson.History> history) {
        if (history == null) {
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        int layerIndex = 0;
        for (ImageConfigJson.History step : history) {
            int index = step.emptyLayer() ? -1 : layerIndex++;
            entries.add(new HistoryEntry(step.created(), step.createdBy(), step.comment(), step.emptyLayer(), index));
        }
        return List.copyOf(entries);
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        Map<String, String> sorted = new TreeMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> sorted.put(key, value == null ? "" : value));
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }

    private static Healthcheck healthcheck(ImageConfigJson.HealthcheckJson json) {
        if (json == null) {
            return null;
        }
        return new Healthcheck(copy(json.test()), json.interval(), json.timeout(), json.startPeriod(), json.retries());
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
