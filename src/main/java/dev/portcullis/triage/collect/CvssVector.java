package dev.portcullis.triage.collect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The base metrics of a CVSS v3.x or v4.0 vector, read so that triage can weigh the attack vector
 * ({@code AV}) against the deployment.
 *
 * <p>Example: {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H} has {@code AV=N}, {@code PR=N},
 * {@code UI=N}.
 *
 * @see <a href="https://www.first.org/cvss/v3.1/specification-document">CVSS v3.1 specification</a>
 */
record CvssVector(String text, Map<String, String> metrics) {

    static Optional<CvssVector> parse(String text) {
        if (text == null || !text.startsWith("CVSS:3") && !text.startsWith("CVSS:4")) {
            return Optional.empty();
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        String[] parts = text.split("/");
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            metrics.put(parts[i].substring(0, colon), parts[i].substring(colon + 1));
        }
        return metrics.containsKey("AV") ? Optional.of(new CvssVector(text, Map.copyOf(metrics))) : Optional.empty();
    }

    String attackVector() {
        return metrics.get("AV");
    }
}
