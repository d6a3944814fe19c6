package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.KevEntry;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.ProductRelease;
import dev.portcullis.vulndb.ReleaseCycle;
import dev.portcullis.vulndb.SecuritySupportLimit;
import java.time.Instant;
import java.util.List;

/** Receives what importers read. Each call for a record counts as one imported record of its source. */
public interface ImportSink {

    void advisory(Advisory advisory, MergeMode mode);

    /**
     * Reports that the records of this source that follow form its complete data set (a KEV
     * catalog, an EPSS daily file), so stored records missing from it are removed.
     */
    void replaceAll(String source);

    void kev(KevEntry entry);

    void epss(EpssScore score);

    /** Stores the CVSS metrics of one NVD record, replacing any stored for the CVE. */
    void cvss(String cve, List<CvssMetric> metrics);

    /** Reports a record of the source that was left out whole. */
    void skipped(String source, ImportWarning warning);

    /** Reports a part of a record that was left out while the rest of the record was imported. */
    void warning(ImportWarning warning);

    /** Reports the source's own date for its data, such as a catalog's release time. */
    void sourceDate(String source, Instant lastModified);

    // The lifecycle methods came after the first sinks were written. Their defaults reject the data, so a
    // sink that does not store it fails loudly instead of dropping it.

    /** Stores one release line of a product. */
    default void releaseCycle(ReleaseCycle cycle) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store release cycles");
    }

    /** Stores one published version of a product. */
    default void productRelease(ProductRelease release) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store product releases");
    }

    /** Stores one package with limited or ended security support. */
    default void securitySupportLimit(SecuritySupportLimit limit) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store security support limits");
    }
}
