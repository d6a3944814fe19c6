package dev.portcullis.image;

import java.util.List;
import java.util.Map;

/**
 * The parts of an OCI or Docker image config that scanning, auditing and triage read. Lists and maps
 * are empty, never null; {@code user} and {@code healthcheck} are null when the config has none.
 */
public record ImageConfig(
        String os,
        String architecture,
        String variant,
        String created,
        String user,
        List<String> env,
        List<String> exposedPorts,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        Healthcheck healthcheck,
        Map<String, String> labels,
        List<HistoryEntry> history) {

    public static ImageConfig empty() {
        return new ImageConfig(null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), null, null,
                Map.of(), List.of());
    }
}
