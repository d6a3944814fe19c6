package dev.portcullis.cli.db;

import dev.portcullis.vulndb.VulnDbException;
import dev.portcullis.vulndb.feed.Feed;
import dev.portcullis.vulndb.feed.FeedImport;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.feed.ImportReport;
import dev.portcullis.vulndb.feed.SourceCounts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
                + " CISA KEV, EPSS, NVD) into the local database.")
final class DbImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    DbCommand parent;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Feed files, folders or zip archives.")
    List<Path> inputs;

    @Option(names = "--feed", paramLabel = "NAME",
            description = "Read every input as this feed instead of detecting it: osv, debian-tracker, debian-vuln-list,"
                    + " alpine-secdb, nodejs-core, kev, epss, nvd.")
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
        Path database = parent.databasePath(null);
        try {
            ImportReport report = new FeedImport(parent.clock()).run(database, inputs, feed);
            print(report, database);
            return DbCommand.DONE;
        } catch (FeedInputException | VulnDbException e) {
            err.println(e.getMessage());
            return DbCommand.UNUSABLE_INPUT;
        }
    }

    private void print(ImportReport report, Path database) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Imported into %s%n", database);
        out.printf("%-20s %10s %10s%n", "SOURCE", "IMPORTED", "SKIPPED");
        for (Map.Entry<String, SourceCounts> entry : report.sources().entrySet()) {
            out.printf("%-20s %10d %10d%n", entry.getKey(), entry.getValue().imported(), entry.getValue().skipped());
        }
        out.printf("%-20s %10d %10d%n", "total", report.totalImported(), report.totalSkipped());
        if (!report.warnings().isEmpty()) {
            out.printf("%d warnings (parts left out):%n", report.warnings().size());
            report.warnings().forEach(w -> out.printf("  %s%n", w));
        }
        if (!report.ignored().isEmpty()) {
            out.printf("%d files ignored (no known feed): %s%n", report.ignored().size(), report.ignored());
        }
        out.flush();
    }
}
