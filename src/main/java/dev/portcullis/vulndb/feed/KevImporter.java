package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.KevEntry;
import dev.portcullis.vulndb.VulnDatabaseWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Imports the CISA Known Exploited Vulnerabilities catalog in its JSON form.
 *
 * <p>Input, shortened: <pre>{@code
 * {"catalogVersion": "2025.08.25", "dateReleased": "2025-08-25T17:04:19.9796Z",
 *  "vulnerabilities": [{"cveID": "CVE-2025-48384", "dateAdded": "2025-08-25",
 *                       "dueDate": "2025-09-15", "knownRansomwareCampaignUse": "Unknown", ...}]}
 * }</pre>
 * Output: one {@link KevEntry} per vulnerability; {@code dateReleased} becomes the source's date.
 *
 * @see <a href="https://www.cisa.gov/known-exploited-vulnerabilities-catalog">KEV catalog and schema</a>
 */
final class KevImporter implements FeedImporter {

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        JsonNode catalog;
        try (InputStream in = FeedFiles.open(file)) {
            catalog = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode vulnerabilities = catalog.path("vulnerabilities");
        if (!vulnerabilities.isArray()) {
            throw new IOException(file + " has no \"vulnerabilities\" array: not a KEV catalog");
        }
        sink.replaceAll(VulnDatabaseWriter.KEV_SOURCE);
        String released = text(catalog, "dateReleased");
        try {
            sink.sourceDate(VulnDatabaseWriter.KEV_SOURCE, JsonFields.instant(released));
        } catch (DateTimeParseException e) {
            sink.warning(new ImportWarning(name, "invalid dateReleased \"" + released + "\"; catalog date left empty"));
        }
        int index = 0;
        for (JsonNode item : vulnerabilities) {
            String cve = text(item, "cveID");
            String location = name + "#" + (cve == null ? "vulnerabilities[" + index + "]" : cve);
            index++;
            if (cve == null || !CVE.matcher(cve).matches()) {
                sink.skipped(VulnDatabaseWriter.KEV_SOURCE, new ImportWarning(location, "missing or invalid cveID; entry skipped"));
                continue;
            }
            try {
                sink.kev(new KevEntry(cve, text(item, "vendorProject"), text(item, "product"),
                        text(item, "vulnerabilityName"), text(item, "shortDescription"), date(text(item, "dateAdded")), date(text(item, "dueDate")),
                        text(item, "knownRansomwareCampaignUse"), text(item, "requiredAction"), text(item, "notes"),
                        JsonFields.texts(item, "cwes")));
            } catch (DateTimeParseException e) {
                sink.skipped(VulnDatabaseWriter.KEV_SOURCE, new ImportWarning(location, "invalid date \"" + e.getParsedString() + "\"; entry skipped"));
            }
        }
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
