package dev.portcullis.cli.db;

import dev.portcullis.cli.ExitCode;
import dev.portcullis.cli.UsageException;
import dev.portcullis.vulndb.VulnDbException;
import dev.portcullis.vulndb.feed.Feed;
import dev.portcullis.vulndb.feed.FeedImport;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.feed.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
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
    public Integer call() throws IOException {
        Optional<Feed> feed = Optional.empty();
        if (feedName != null) {
            feed = Optional.of(Feed.byName(feedName).orElseThrow(() -> new UsageException("unknown feed \""
                    + feedName + "\": use one of " + Arrays.stream(Feed.values()).map(Feed::cliName).toList())));
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new UsageException(input + ": file or folder not found; check the path");
            }
        }
        Path database = parent.databasePath();
        DatabaseFile.checkTarget(database);
        boolean existed = Files.exists(database);
        ImportReport report;
        try {
            report = new FeedImport(parent.clock()).run(database, inputs, feed);
        } catch (FeedInputException | VulnDbException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ImportReportPrinter.print(spec.commandLine().getOut(), report, database);
        if (report.totalImported() == 0 && !report.warnings().isEmpty()) {
            // Every record was rejected, so the input is unusable: leave no new empty database behind.
            if (!existed) {
                Files.deleteIfExists(database);
            }
            throw new UsageException("no record of " + inputs + " could be imported: fix the files named above");
        }
        return ExitCode.OK;
    }
}
