package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.KevEntry;
import dev.portcullis.vulndb.MergeMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory sink that keeps everything an importer hands over, for importer tests. */
final class CollectingSink implements ImportSink {

    final List<Advisory> advisories = new ArrayList<>();
    final List<MergeMode> modes = new ArrayList<>();
    final List<KevEntry> kev = new ArrayList<>();
    final List<EpssScore> epss = new ArrayList<>();
    final Map<String, List<CvssMetric>> cvss = new HashMap<>();
    final List<ImportWarning> skipped = new ArrayList<>();
    final List<String> skippedSources = new ArrayList<>();
    final List<ImportWarning> warnings = new ArrayList<>();
    final Map<String, Instant> dates = new HashMap<>();
    final List<String> replaced = new ArrayList<>();

    @Override
    public void advisory(Advisory advisory, MergeMode mode) {
        advisories.add(advisory);
        modes.add(mode);
    }

    @Override
    public void replaceAll(String source) {
        replaced.add(source);
    }

    @Override
    public void kev(KevEntry entry) {
        kev.add(entry);
    }

    @Override
    public void epss(EpssScore score) {
        epss.add(score);
    }

    @Override
    public void cvss(String cve, List<CvssMetric> metrics) {
        cvss.put(cve, metrics);
    }

    @Override
    public void skipped(String source, ImportWarning warning) {
        skippedSources.add(source);
        skipped.add(warning);
    }

    @Override
    public void warning(ImportWarning warning) {
        warnings.add(warning);
    }

    @Override
    public void sourceDate(String source, Instant lastModified) {
        dates.put(source, lastModified);
    }

    Advisory advisory(String id) {
        return advisories.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no advisory " + id + " among " + advisories.size()));
    }
}
