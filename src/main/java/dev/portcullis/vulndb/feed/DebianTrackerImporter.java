package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports the Debian security tracker's JSON export, streaming it one source package at a time
 * (the full export is tens of megabytes).
 *
 * <p>Input, shortened: <pre>{@code
 * {"zlib": {"CVE-2023-45853": {"description": "...", "scope": "local",
 *   "releases": {"bookworm": {"status": "open", "urgency": "not yet assigned*",
 *                             "nodsa": "...", "nodsa_reason": "ignored", "repositories": {...}}}}}}
 * }</pre>
 * Output: advisory {@code CVE-2023-45853} of source {@code debian-tracker} with an affected entry
 * {@code debian:12/zlib} whose status keeps every word above. A {@code fixed_version} of
 * {@code "0"} is kept and means the release was never affected.
 *
 * @see <a href="https://security-tracker.debian.org/tracker/data/json">Debian tracker JSON export</a>
 */
final class DebianTrackerImporter implements FeedImporter {

    static final String SOURCE = "debian-tracker";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = FeedFiles.open(file);
                JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a Debian tracker export: expected a JSON object keyed by source package");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String sourcePackage = parser.currentName();
                parser.nextToken();
                JsonNode issues = parser.readValueAsTree();
                if (issues == null || !issues.isObject()) {
                    sink.skipped(SOURCE, new ImportWarning(name + "#" + sourcePackage, "expected an object keyed by CVE; package skipped"));
                    continue;
                }
                for (Map.Entry<String, JsonNode> issue : issues.properties()) {
                    importIssue(sourcePackage, issue.getKey(), issue.getValue(), name, sink);
                }
            }
        } catch (JacksonException e) {
            sink.skipped(SOURCE, new ImportWarning(name, "malformed JSON at line " + e.getLocation().getLineNr()
                    + " (" + e.getOriginalMessage() + "); the rest of the file skipped"));
        }
    }

    /** Returns the unstable release's urgency as the issue's severity, the tracker's overall rating. */
    static List<Severity> urgency(JsonNode unstable) {
        String urgency = text(unstable, "urgency");
        if (urgency == null || urgency.startsWith("not yet assigned")) {
            return List.of();
        }
        return List.of(new Severity(SOURCE, "DEBIAN_URGENCY", null, urgency));
    }

    private void importIssue(String sourcePackage, String id, JsonNode issue, String file, ImportSink sink) {
        String location = file + "#" + sourcePackage + "/" + id;
        JsonNode releases = issue.path("releases");
        if (!releases.isObject()) {
            sink.skipped(SOURCE, new ImportWarning(location, "no \"releases\" object; record skipped"));
            return;
        }
        List<Affected> affected = new ArrayList<>();
        for (Map.Entry<String, JsonNode> release : releases.properties()) {
            JsonNode state = release.getValue();
            DistroStatus status = new DistroStatus(text(state, "status"), text(state, "fixed_version"),
                    text(state, "urgency"), text(state, "nodsa"), text(state, "nodsa_reason"), null);
            ObjectNode specific = mapper.createObjectNode();
            if (state.has("repositories")) {
                specific.set("repositories", state.get("repositories"));
            }
            if (state.has("next_point_update")) {
                specific.set("next_point_update", state.get("next_point_update"));
            }
            affected.add(new Affected(DebianReleases.key(release.getKey()), sourcePackage,
                    DistroRanges.of(status, "deb"), List.of(), null, null, DistroRanges.fixedVersions(status), status,
                    specific.isEmpty() ? null : specific.toString(), null));
        }
        ObjectNode databaseSpecific = mapper.createObjectNode();
        for (String field : List.of("scope", "debianbug")) {
            if (issue.has(field)) {
                databaseSpecific.set(field, issue.get(field));
            }
        }
        Advisory advisory = new Advisory(id, SOURCE, List.of(), text(issue, "description"), null, null, null, null,
                urgency(releases.path("sid")), List.of(), affected, databaseSpecific.isEmpty() ? null : databaseSpecific.toString());
        sink.advisory(advisory, MergeMode.MERGE_AFFECTED);
    }
}
