package dev.portcullis.server;

import dev.portcullis.vulndb.update.DefaultFeeds;
import dev.portcullis.vulndb.update.FeedUpdate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's scheduled {@code db update}: downloads the default feeds into its database file. */
final class VulnDbUpdate implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(VulnDbUpdate.class);

    private final Path database;

    VulnDbUpdate(Path database) {
        this.database = database;
    }

    @Override
    public void run() {
        try {
            var report = new FeedUpdate(Clock.systemUTC(), Duration.ofMinutes(5)).run(database,
                    DefaultFeeds.list(DefaultFeeds.OSV_ECOSYSTEMS, DefaultFeeds.ALPINE_BRANCHES));
            LOG.info("Vulnerability database update imported {} records; {} downloads failed",
                    report.imported().totalImported(), report.failedDownloads().size());
        } catch (Exception e) {
            LOG.warn("Vulnerability database update failed; the next run tries again: {}", e.toString());
        }
    }
}
