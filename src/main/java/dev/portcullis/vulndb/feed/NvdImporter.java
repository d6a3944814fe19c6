package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.Reference;
import dev.portcullis.vulndb.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports NVD CVE records in the CVE API 2.0 shape: a whole API response
 * ({@code {"vulnerabilities": [{"cve": {...}}]}}), one wrapped record ({@code {"cve": {...}}}) or
 * one bare record as the per-CVE files of NVD mirrors hold it.
 *
 * <p>Each record becomes an advisory of source {@code nvd} with its English description, and its
 * CVSS v3.0, v3.1 and v4.0 metrics are stored with their source and {@code Primary}/{@code
 * Secondary} type. CPE configurations are kept raw in {@code databaseSpecific}; they are not
 * turned into affected entries. A record whose {@code vulnStatus} is {@code Rejected} is marked
 * withdrawn at its {@code lastModified} time.
 *
 * @see <a href="https://nvd.nist.gov/developers/vulnerabilities">NVD CVE API 2.0</a>
 */
final class NvdImporter implements FeedImporter {

    static final String SOURCE = "nvd";
    private static final List<Map.Entry<String, String>> METRIC_TYPES = List.of(
            Map.entry("cvssMetricV40", "CVSS_V4"),
            Map.entry("cvssMetricV31", "CVSS_V3"),
            Map.entry("cvssMetricV30", "CVSS_V3"));

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        JsonNode document;
        try (InputStream in = FeedFiles.open(file)) {
            document = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (document.has("vulnerabilities")) {
            for (JsonNode item : document.path("vulnerabilities")) {
                importRecord(item.path("cve"), name, sink);
            }
        } else if (document.has("cve")) {
            importRecord(document.path("cve"), name, sink);
        } else {
            importRecord(document, name, sink);
        }
    }

    private void importRecord(JsonNode cve, String file, ImportSink sink) {
        String id = text(cve, "id");
        if (id == null) {
            sink.skipped(SOURCE, new ImportWarning(file, "CVE record without \"id\"; record skipped"));
            return;
        }
        String location = file + "#" + id;
        List<CvssMetric> metrics = new ArrayList<>();
        List<Severity> severities = new ArrayList<>();
        for (Map.Entry<String, String> kind : METRIC_TYPES) {
            for (JsonNode metric : cve.path("metrics").path(kind.getKey())) {
                JsonNode data = metric.path("cvssData");
                String vector = text(data, "vectorString");
                if (vector == null || !data.path("baseScore").isNumber()) {
                    sink.warning(new ImportWarning(location, kind.getKey() + " entry without vector or base score; metric skipped"));
                    continue;
                }
                double score = data.path("baseScore").asDouble();
                String source = text(metric, "source");
                metrics.add(new CvssMetric(id, text(data, "version"), source, text(metric, "type"), vector, score,
                        text(data, "baseSeverity")));
                severities.add(new Severity(source, kind.getValue(), score, vector));
            }
        }
        try {
            Instant modified = JsonFields.instant(text(cve, "lastModified"));
            Instant withdrawn = "Rejected".equals(text(cve, "vulnStatus")) ? modified : null;
            Advisory advisory = new Advisory(id, SOURCE, List.of(), null, englishDescription(cve),
                    JsonFields.instant(text(cve, "published")), modified, withdrawn, severities, references(cve), List.of(),
                    databaseSpecific(cve));
            sink.advisory(advisory, MergeMode.REPLACE);
            sink.cvss(id, metrics);
        } catch (DateTimeParseException e) {
            sink.skipped(SOURCE, new ImportWarning(location, "invalid date \"" + e.getParsedString() + "\"; record skipped"));
        }
    }

    private static String englishDescription(JsonNode cve) {
        for (JsonNode description : cve.path("descriptions")) {
            if ("en".equals(text(description, "lang"))) {
                return text(description, "value");
            }
        }
        return null;
    }

    private static List<Reference> references(JsonNode cve) {
        List<Reference> result = new ArrayList<>();
        for (JsonNode reference : cve.path("references")) {
            String url = text(reference, "url");
            if (url != null) {
                result.add(new Reference("WEB", url));
            }
        }
        return result;
    }

    private String databaseSpecific(JsonNode cve) {
        ObjectNode specific = mapper.createObjectNode();
        for (String field : List.of("sourceIdentifier", "vulnStatus", "weaknesses", "configurations")) {
            if (cve.has(field)) {
                specific.set(field, cve.get(field));
            }
        }
        return specific.isEmpty() ? null : specific.toString();
    }
}
