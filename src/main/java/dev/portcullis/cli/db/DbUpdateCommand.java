package dev.portcullis.cli.db;

import dev.portcullis.cli.ExitCode;
import dev.portcullis.report.Plural;
import dev.portcullis.cli.UsageException;
import dev.portcullis.vulndb.VulnDbException;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.update.DefaultFeeds;
import dev.portcullis.vulndb.update.FeedDownload;
import dev.portcullis.vulndb.update.FeedUpdate;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis db update}: downloads every feed (or takes them from a mirror) and imports
 * them into the database in one atomic update.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Download the vulnerability feeds (OSV, Debian tracker, Alpine secdb, Node.js core, CISA KEV, EPSS)"
                + " and the lifecycle data (Node.js schedule and versions index, distro-info-data, debian-security-support,"
                + " Alpine releases) and import them into the local database.")
final class DbUpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    DbCommand parent;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Fetch every feed below this base address instead of from its publisher"
                    + " (layout: osv/<ecosystem>/all.zip, debian/tracker.json, alpine/<branch>/main.json, ...).")
    URI mirror;

    @Option(names = "--osv-ecosystem", paramLabel = "NAME", split = ",",
            description = "OSV ecosystems to fetch, as OSV names them (default: ${DEFAULT-VALUE}).")
    List<String> osvEcosystems = DefaultFeeds.OSV_ECOSYSTEMS;

    @Option(names = "--alpine-branch", paramLabel = "BRANCH", split = ",",
            description = "Alpine branches to fetch secdb files for (default: ${DEFAULT-VALUE}).")
    List<String> alpineBranches = DefaultFeeds.ALPINE_BRANCHES;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Maximum time for one download, in seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        List<FeedDownload> downloads = DefaultFeeds.list(osvEcosystems, alpineBranches);
        if (mirror != null) {
            downloads = downloads.stream().map(d -> d.fromMirror(mirror)).toList();
        }
        Path database = parent.databasePath();
        DatabaseFile.checkTarget(database);
        FeedUpdate.UpdateReport report;
        try {
            report = new FeedUpdate(parent.clock(), Duration.ofSeconds(timeoutSeconds)).run(database, downloads);
        } catch (FeedInputException | VulnDbException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        ImportReportPrinter.print(out, report.imported(), database);
        if (!report.failedDownloads().isEmpty()) {
            out.printf("%s failed:%n", Plural.of(report.failedDownloads().size(), "download"));
            report.failedDownloads().forEach(w -> out.printf("  %s%n", w));
        }
        out.flush();
        return ExitCode.OK;
    }
}
