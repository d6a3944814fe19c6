package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.VulnDatabaseWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The feed formats Portcullis imports, with the name {@code db import --feed} takes. */
public enum Feed {
    OSV("osv", "osv", OsvImporter::new),
    DEBIAN_TRACKER("debian-tracker", DebianTrackerImporter.SOURCE, DebianTrackerImporter::new),
    DEBIAN_VULN_LIST("debian-vuln-list", DebianTrackerImporter.SOURCE, DebianVulnListImporter::new),
    DEBIAN_ADVISORY_LIST("debian-advisory-list", DebianTrackerImporter.SOURCE, DebianAdvisoryListImporter::new),
    ALPINE_SECDB("alpine-secdb", AlpineSecdbImporter.SOURCE, AlpineSecdbImporter::new),
    NODEJS_CORE("nodejs-core", NodeCoreImporter.SOURCE, NodeCoreImporter::new),
    KEV("kev", VulnDatabaseWriter.KEV_SOURCE, KevImporter::new),
    EPSS("epss", VulnDatabaseWriter.EPSS_SOURCE, EpssImporter::new),
    NVD("nvd", NvdImporter.SOURCE, NvdImporter::new);

    private final String cliName;
    private final String sourceName;
    private final Supplier<FeedImporter> importer;

    Feed(String cliName, String sourceName, Supplier<FeedImporter> importer) {
        this.cliName = cliName;
        this.sourceName = sourceName;
        this.importer = importer;
    }

    /** Returns the source that a file of this feed counts under when the whole file is skipped. */
    public String sourceName() {
        return sourceName;
    }

    public String cliName() {
        return cliName;
    }

    public FeedImporter importer() {
        return importer.get();
    }

    /** Finds the feed by its command-line name, ignoring case. */
    public static Optional<Feed> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.cliName.equals(lower)).findFirst();
    }
}
