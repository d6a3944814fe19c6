package dev.portcullis.vulndb.feed;

/**
 * The record counts of one source in one import run.
 *
 * @param imported records written
 * @param skipped records (or whole files) left out
 */
public record SourceCounts(int imported, int skipped) {

    SourceCounts plusImported() {
        return new SourceCounts(imported + 1, skipped);
    }

    SourceCounts plusSkipped() {
        return new SourceCounts(imported, skipped + 1);
    }
}
