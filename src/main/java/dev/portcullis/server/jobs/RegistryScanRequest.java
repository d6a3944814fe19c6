package dev.portcullis.server.jobs;

import java.util.Arrays;
import java.util.List;

/**
 * A request to scan a registry image and store it as a scan of {@code project/image}. It travels as
 * job data in a tab-separated line, which the API's validation keeps free of tabs and line breaks.
 */
public record RegistryScanRequest(String reference, String project, String image, List<String> tags) {

    public RegistryScanRequest {
        tags = List.copyOf(tags);
    }

    String encode() {
        return String.join("\t", reference, project, image, String.join(",", tags));
    }

    static RegistryScanRequest decode(String data) {
        String[] parts = data.split("\t", -1);
        List<String> tags = parts[3].isEmpty() ? List.of() : Arrays.asList(parts[3].split(","));
        return new RegistryScanRequest(parts[0], parts[1], parts[2], tags);
    }
}
