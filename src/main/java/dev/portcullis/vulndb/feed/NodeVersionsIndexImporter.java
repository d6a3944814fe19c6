package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.ProductRelease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Imports the Node.js versions index ({@code https://nodejs.org/dist/index.json}), the list of
 * every published version with its date, LTS codename and security flag.
 *
 * <p>Input, shortened: <pre>{@code
 * [{"version": "v20.20.2", "date": "2026-03-24", "files": ["linux-x64"], "npm": "10.8.2",
 *   "lts": "Iron", "security": true}]
 * }</pre>
 * Output: product release {@code nodejs 20.20.2}, LTS {@code iron}, security release.
 *
 * @see <a href="https://nodejs.org/dist/index.json">nodejs.org dist index</a>
 */
final class NodeVersionsIndexImporter implements FeedImporter {

    static final String SOURCE = "nodejs-dist-index";
    private static final Pattern VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        JsonNode index;
        try (InputStream in = FeedFiles.open(file)) {
            index = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (index == null || !index.isArray()) {
            throw new IOException(file + " is not a Node.js versions index: expected a JSON array of versions");
        }
        int position = 0;
        for (JsonNode entry : index) {
            String location = file.getFileName() + "[" + position++ + "]";
            String version = text(entry, "version");
            if (version == null || !VERSION.matcher(version).matches()) {
                sink.skipped(SOURCE, new ImportWarning(location, "missing or invalid \"version\" " + version + "; entry skipped"));
                continue;
            }
            try {
                JsonNode lts = entry.get("lts");
                String codename = lts != null && lts.isTextual() ? lts.asText().toLowerCase(Locale.ROOT) : null;
                JsonNode security = entry.get("security");
                sink.productRelease(new ProductRelease("nodejs", version.startsWith("v") ? version.substring(1) : version,
                        LifecycleDates.parse(text(entry, "date")), codename,
                        security != null && security.asBoolean(false), SOURCE));
            } catch (DateTimeParseException e) {
                sink.skipped(SOURCE, new ImportWarning(location, "invalid date \"" + e.getParsedString() + "\"; entry skipped"));
            }
        }
    }
}
