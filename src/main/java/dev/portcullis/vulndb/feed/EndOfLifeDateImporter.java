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

/**
 * Imports one product's release cycles from the endoflife.date API v1
 * ({@code https://endoflife.date/api/v1/products/<product>}), an optional source for products
 * without a dedicated feed, such as Python, Go or PostgreSQL.
 *
 * <p>Input, shortened: <pre>{@code
 * {"schema_version": "1.2.0", "result": {"name": "python", "releases": [
 *   {"name": "3.12", "codename": null, "releaseDate": "2023-10-02", "isLts": false, "ltsFrom": null,
 *    "eoasFrom": "2025-04-08", "eolFrom": "2028-10-31", "eoesFrom": null,
 *    "latest": {"name": "3.12.7", "date": "2024-10-01"}}]}}
 * }</pre>
 * Output: release cycle {@code python 3.12}: maintenance (end of active support) from 2025-04-08,
 * end of life 2028-10-31, latest 3.12.7.
 *
 * <p>NOTE: the field names follow the v1 documentation as recalled when this was written; no live
 * response was compared, so check them against one before relying on this source.
 *
 * @see <a href="https://endoflife.date/docs/api/v1/">endoflife.date API v1</a>
 */
final class EndOfLifeDateImporter implements FeedImporter {

    static final String SOURCE = "endoflife.date";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        JsonNode document;
        try (InputStream in = FeedFiles.open(file)) {
            document = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode result = document == null ? null : document.get("result");
        String product = result == null ? null : text(result, "name");
        JsonNode releases = result == null ? null : result.get("releases");
        if (product == null || releases == null || !releases.isArray()) {
            throw new IOException(file + " is not an endoflife.date product: expected \"result\" with \"name\" and \"releases\"");
        }
        for (JsonNode release : releases) {
            String cycle = text(release, "name");
            if (cycle == null) {
                sink.skipped(SOURCE, new ImportWarning(file.getFileName() + "#" + product, "a release without \"name\"; skipped"));
                continue;
            }
            try {
                String codename = text(release, "codename");
                JsonNode latest = release.get("latest");
                sink.releaseCycle(new ReleaseCycle(product.toLowerCase(Locale.ROOT), cycle,
                        codename == null ? null : codename.toLowerCase(Locale.ROOT),
                        LifecycleDates.parse(text(release, "releaseDate")), LifecycleDates.parse(text(release, "ltsFrom")),
                        LifecycleDates.parse(text(release, "eoasFrom")), LifecycleDates.parse(text(release, "eolFrom")),
                        null, LifecycleDates.parse(text(release, "eoesFrom")),
                        latest == null ? null : text(latest, "name"), SOURCE));
            } catch (DateTimeParseException e) {
                sink.skipped(SOURCE, new ImportWarning(file.getFileName() + "#" + cycle,
                        "invalid date \"" + e.getParsedString() + "\"; release skipped"));
            }
        }
    }
}
