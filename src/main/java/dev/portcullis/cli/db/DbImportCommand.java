package dev.portcullis.cli.db;

import dev.portcullis.vulndb.VulnDbException;
import dev.portcullis.vulndb.feed.Feed;
import dev.portcullis.vulndb.feed.FeedImport;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.feed.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis db import PATH...}: imports feed files and folders into the database with no
 * network access, then prints per source how many records were imported and skipped.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import vulnerability feed files or folders (OSV, Debian tracker, Alpine secdb, Node.js core,"
                + " CISA KEV, EPSS, NVD) and lifecycle data (Node.js schedule and versions index, distro-info-data,"
                + " debian-security-support, Alpine releases, endoflife.date) into the local database.")
final class DbImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    DbCommand parent;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Feed files, folders or zip archives.")
    List<Path> inputs;

    @Option(names = "--feed", paramLabel = "NAME",
            description = "Read every input as this feed instead of detecting it: osv, debian-tracker, debian-vuln-list, debian-advisory-list,"
                    + " alpine-secdb, nodejs-core, kev, epss, nvd, node-release-schedule, nodejs-versions-index, distro-info,"
                    + " debian-security-support, alpine-releases, endoflife-date.")
    String feedName;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Feed> feed = Optional.empty();
        if (feedName != null) {
            feed = Feed.byName(feedName);
            if (feed.isEmpty()) {
                err.println("Unknown feed \"" + feedName + "\": use one of "
                        + Arrays.stream(Feed.values()).map(Feed::cliName).toList());
                return DbCommand.UNUSABLE_INPUT;
            }
        }
        Path database = parent.databasePath();
        try {
            ImportReport report = new FeedImport(parent.clock()).run(database, inputs, feed);
            ImportReportPrinter.print(spec.commandLine().getOut(), report, database);
            return DbCommand.DONE;
        } catch (FeedInputException | VulnDbException e) {
            err.println(e.getMessage());
            return DbCommand.UNUSABLE_INPUT;
        }
    }
}
