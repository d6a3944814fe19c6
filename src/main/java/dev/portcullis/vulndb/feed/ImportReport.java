package dev.portcullis.vulndb.feed;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one {@link FeedImport} run.
 *
 * @param sources counts per source name, in name order
 * @param warnings every part left out, in the order met
 * @param ignored files inside input folders whose feed was not recognized (licences, READMEs, schemas)
 */
public record ImportReport(Map<String, SourceCounts> sources, List<ImportWarning> warnings, List<Path> ignored) {

    public ImportReport {
        sources = Collections.unmodifiableMap(new TreeMap<>(sources));
        warnings = List.copyOf(warnings);
        ignored = List.copyOf(ignored);
    }

    public int totalImported() {
        return sources.values().stream().mapToInt(SourceCounts::imported).sum();
    }

    public int totalSkipped() {
        return sources.values().stream().mapToInt(SourceCounts::skipped).sum();
    }
}
