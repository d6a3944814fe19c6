package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.KevEntry;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.ProductRelease;
import dev.portcullis.vulndb.ReleaseCycle;
import dev.portcullis.vulndb.SecuritySupportLimit;
import dev.portcullis.vulndb.VulnDatabaseWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink {@link FeedImport} hands to importers: writes through a {@link VulnDatabaseWriter},
 * counts records per source and tracks each source's newest date. A failed database write is
 * thrown on as {@link WriteFailedException}, which aborts the whole import.
 */
final class WritingSink implements ImportSink {

    private static final Logger LOG = LoggerFactory.getLogger(WritingSink.class);

    /** A database write failed; carries the SQL error. */
    static final class WriteFailedException extends RuntimeException {
        WriteFailedException(SQLException cause) {
            super("Database write failed: " + cause.getMessage(), cause);
        }
    }

    private final VulnDatabaseWriter writer;
    private final Map<String, SourceCounts> counts = new HashMap<>();
    private final Map<String, Instant> dates = new HashMap<>();
    private final List<ImportWarning> warnings = new ArrayList<>();

    WritingSink(VulnDatabaseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void advisory(Advisory advisory, MergeMode mode) {
        try {
            writer.putAdvisory(advisory, mode);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
        counted(advisory.source());
        if (advisory.modified() != null) {
            dates.merge(advisory.source(), advisory.modified(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public void replaceAll(String source) {
        try {
            writer.clearSource(source);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    @Override
    public void kev(KevEntry entry) {
        try {
            writer.putKev(entry);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
        counted(VulnDatabaseWriter.KEV_SOURCE);
    }

    @Override
    public void epss(EpssScore score) {
        try {
            writer.putEpss(score);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
        counted(VulnDatabaseWriter.EPSS_SOURCE);
    }

    @Override
    public void cvss(String cve, List<CvssMetric> metrics) {
        try {
            writer.replaceCvss(cve, metrics);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    @Override
    public void releaseCycle(ReleaseCycle cycle) {
        try {
            writer.putReleaseCycle(cycle);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
        counted(cycle.source());
    }

    @Override
    public void productRelease(ProductRelease release) {
        try {
            writer.putProductRelease(release);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
        counted(release.source());
    }

    @Override
    public void securitySupportLimit(SecuritySupportLimit limit) {
        try {
            writer.putSecuritySupportLimit(limit);
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
        counted(limit.source());
    }

    @Override
    public void skipped(String source, ImportWarning warning) {
        counts.merge(source, new SourceCounts(0, 1), (a, b) -> a.plusSkipped());
        warning(warning);
    }

    @Override
    public void warning(ImportWarning warning) {
        warnings.add(warning);
        // Full feeds can yield thousands of these. The report lists each one, and the log only counts them.
        LOG.debug("{}", warning);
    }

    @Override
    public void sourceDate(String source, Instant lastModified) {
        if (lastModified != null) {
            dates.put(source, lastModified);
        }
    }

    /** Records every source that got records into the sources table. */
    void recordSources(Instant importedAt) throws SQLException {
        for (Map.Entry<String, SourceCounts> entry : counts.entrySet()) {
            if (entry.getValue().imported() > 0) {
                writer.recordSource(entry.getKey(), dates.get(entry.getKey()), importedAt);
            }
        }
        if (!warnings.isEmpty()) {
            LOG.warn("{} left out of the import; the import report lists each one",
                    warnings.size() == 1 ? "1 part was" : warnings.size() + " parts were");
        }
    }

    Map<String, SourceCounts> counts() {
        return counts;
    }

    List<ImportWarning> warnings() {
        return warnings;
    }

    private void counted(String source) {
        counts.merge(source, new SourceCounts(1, 0), (a, b) -> a.plusImported());
    }
}
