package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;
import static dev.portcullis.vulndb.feed.JsonFields.texts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.Reference;
import dev.portcullis.vulndb.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the Node.js security working group's index of runtime advisories
 * ({@code vuln/core/index.json}). Ids follow the working group's {@code NSWG-COR-<number>} form.
 *
 * <p>Input, shortened: <pre>{@code
 * {"169": {"cve": ["CVE-2026-21715"], "vulnerable": "20.x || 22.x || 24.x || 25.x",
 *          "patched": "^20.20.2 || ^22.22.2 || ^24.14.1 || ^25.8.2", "severity": "low"}}
 * }</pre>
 * Output: advisory {@code NSWG-COR-169} (alias {@code CVE-2026-21715}) with entry {@code nodejs/node}
 * keeping both constraints as written, and fixed versions 20.20.2, 22.22.2, 24.14.1, 25.8.2 taken
 * from the {@code ^} and {@code >=} terms of {@code patched}.
 *
 * @see <a href="https://github.com/nodejs/security-wg/tree/main/vuln/core">security-wg core data</a>
 */
final class NodeCoreImporter implements FeedImporter {

    static final String SOURCE = "nodejs-core";
    private static final Pattern LOWER_BOUND = Pattern.compile("(?:\\^|>=)\\s*v?(\\d+\\.\\d+\\.\\d+)");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        JsonNode index;
        try (InputStream in = FeedFiles.open(file)) {
            index = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!index.isObject()) {
            throw new IOException(file + " is not a Node.js core index: expected a JSON object keyed by advisory number");
        }
        for (Map.Entry<String, JsonNode> entry : index.properties()) {
            String id = "NSWG-COR-" + entry.getKey();
            String location = name + "#" + entry.getKey();
            JsonNode record = entry.getValue();
            String vulnerable = text(record, "vulnerable");
            if (vulnerable == null || vulnerable.isBlank()) {
                sink.skipped(SOURCE, new ImportWarning(location, "no \"vulnerable\" range; record skipped"));
                continue;
            }
            try {
                sink.advisory(advisory(id, record, vulnerable), MergeMode.REPLACE);
            } catch (DateTimeParseException e) {
                sink.skipped(SOURCE, new ImportWarning(location, "invalid publish_date \"" + e.getParsedString() + "\"; record skipped"));
            }
        }
    }

    private static Advisory advisory(String id, JsonNode record, String vulnerable) {
        String patched = text(record, "patched");
        Affected affected = new Affected("nodejs", "node", List.of(), List.of(), vulnerable, patched,
                fixedVersions(patched), null, null, null);
        List<Severity> severities = new ArrayList<>();
        String level = text(record, "severity");
        if (level != null) {
            severities.add(new Severity(SOURCE, "NODEJS", null, level));
        }
        String cvss = text(record, "cvss");
        if (cvss != null) {
            String vector = cvss.startsWith("CVSS:") ? cvss : "CVSS:" + cvss;
            JsonNode score = record.get("cvss_score");
            severities.add(new Severity(SOURCE, "CVSS_V3", score == null ? null : score.asDouble(), vector));
        }
        String ref = text(record, "ref");
        List<Reference> references = ref == null ? List.of() : List.of(new Reference("ADVISORY", ref));
        String description = text(record, "description");
        return new Advisory(id, SOURCE, texts(record, "cve"), description, text(record, "overview"),
                JsonFields.instant(text(record, "publish_date")), null, null, severities, references, List.of(affected), null);
    }

    static List<String> fixedVersions(String patched) {
        if (patched == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        Matcher matcher = LOWER_BOUND.matcher(patched);
        while (matcher.find()) {
            result.add(matcher.group(1));
        }
        return result;
    }
}
