package dev.portcullis.vulndb.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.MergeMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports OSV records from one JSON file or from a zip of them (the {@code all.zip} that OSV
 * publishes per ecosystem). Folders are walked by {@link FeedImport}, which calls this per file.
 * Every ecosystem {@link Ecosystems} maps is kept; see {@link OsvRecordParser} for the mapping.
 *
 * @see <a href="https://google.github.io/osv.dev/data">OSV data sources and dumps</a>
 */
final class OsvImporter implements FeedImporter {

    private static final String FALLBACK_SOURCE = "osv";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        if (FeedFiles.isZip(file)) {
            importZip(file, sink);
            return;
        }
        try (InputStream in = FeedFiles.open(file)) {
            importRecord(in, file.getFileName().toString(), sink);
        }
    }

    private void importZip(Path file, ImportSink sink) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                String location = file.getFileName() + "!" + entry.getName();
                try (InputStream in = zip.getInputStream(entry)) {
                    importRecord(in, location, sink);
                } catch (ZipException e) {
                    sink.skipped(FALLBACK_SOURCE, new ImportWarning(location, "unreadable zip entry (" + e.getMessage() + "); record skipped"));
                }
            }
        } catch (ZipException e) {
            throw new IOException(file + " is not a readable zip archive: " + e.getMessage(), e);
        }
    }

    private void importRecord(InputStream in, String location, ImportSink sink) throws IOException {
        JsonNode record;
        try {
            record = mapper.readTree(in);
        } catch (JacksonException e) {
            sink.skipped(FALLBACK_SOURCE, new ImportWarning(location, "malformed JSON at " + JsonFields.syntaxError(e) + "; record skipped"));
            return;
        }
        if (record == null || !record.isObject()) {
            sink.skipped(FALLBACK_SOURCE, new ImportWarning(location, "not an OSV record (expected a JSON object); record skipped"));
            return;
        }
        OsvRecordParser parser = new OsvRecordParser();
        try {
            Advisory advisory = parser.parse(record, location);
            parser.warnings().forEach(sink::warning);
            sink.advisory(advisory, MergeMode.REPLACE);
        } catch (OsvRecordParser.RejectedRecordException e) {
            parser.warnings().forEach(sink::warning);
            String id = JsonFields.text(record, "id");
            String source = id == null ? FALLBACK_SOURCE : OsvRecordParser.sourceName(id, record.path("affected"));
            sink.skipped(source, new ImportWarning(id == null ? location : location + "#" + id, e.getMessage() + "; record skipped"));
        }
    }
}
