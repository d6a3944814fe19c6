package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.ReleaseCycle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Imports the Node.js release schedule ({@code schedule.json} of the nodejs/Release repository,
 * also shipped by the npm package node-releases as {@code data/release-schedule/release-schedule.json}).
 *
 * <p>Input, shortened: <pre>{@code
 * {"v20": {"start": "2023-04-18", "lts": "2023-10-24", "maintenance": "2024-10-22",
 *          "end": "2026-04-30", "codename": "Iron"}}
 * }</pre>
 * Output: release cycle {@code nodejs 20} (codename {@code iron}) with those dates.
 *
 * @see <a href="https://github.com/nodejs/Release/blob/main/schedule.json">nodejs/Release schedule.json</a>
 */
final class NodeReleaseScheduleImporter implements FeedImporter {

    static final String SOURCE = "node-release-schedule";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        JsonNode schedule;
        try (InputStream in = FeedFiles.open(file)) {
            schedule = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (schedule == null || !schedule.isObject()) {
            throw new IOException(file + " is not a Node.js release schedule: expected a JSON object keyed by line (\"v20\")");
        }
        for (Map.Entry<String, JsonNode> entry : schedule.properties()) {
            String location = file.getFileName() + "#" + entry.getKey();
            String cycle = entry.getKey().startsWith("v") ? entry.getKey().substring(1) : entry.getKey();
            JsonNode line = entry.getValue();
            try {
                String codename = text(line, "codename");
                sink.releaseCycle(new ReleaseCycle("nodejs", cycle,
                        codename == null || codename.isBlank() ? null : codename.toLowerCase(Locale.ROOT),
                        LifecycleDates.parse(text(line, "start")), LifecycleDates.parse(text(line, "lts")),
                        LifecycleDates.parse(text(line, "maintenance")), LifecycleDates.parse(text(line, "end")),
                        null, null, null, SOURCE));
            } catch (DateTimeParseException e) {
                sink.skipped(SOURCE, new ImportWarning(location, "invalid date \"" + e.getParsedString() + "\"; line skipped"));
            }
        }
    }
}
