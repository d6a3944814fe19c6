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
    NVD("nvd", NvdImporter.SOURCE, NvdImporter::new),
    NODE_RELEASE_SCHEDULE("node-release-schedule", NodeReleaseScheduleImporter.SOURCE, NodeReleaseScheduleImporter::new),
    NODEJS_VERSIONS_INDEX("nodejs-versions-index", NodeVersionsIndexImporter.SOURCE, NodeVersionsIndexImporter::new),
    DISTRO_INFO("distro-info", DistroInfoImporter.SOURCE, DistroInfoImporter::new),
    DEBIAN_SECURITY_SUPPORT("debian-security-support", DebianSecuritySupportImporter.SOURCE, DebianSecuritySupportImporter::new),
    ALPINE_RELEASES("alpine-releases", AlpineReleasesImporter.SOURCE, AlpineReleasesImporter::new),
    ENDOFLIFE_DATE("endoflife-date", EndOfLifeDateImporter.SOURCE, EndOfLifeDateImporter::new);

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
