package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.DatabaseBuilder;
import dev.portcullis.vulndb.VulnDbException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files and folders of feed data into a database file, with no network access.
 *
 * <p>Each file's feed is detected from its content ({@link FeedDetector}) unless one is forced. Folders
 * are walked in name order; files in them that belong to no feed (licences, READMEs, schemas) are
 * ignored and listed. A file given by name whose feed is unknown is skipped with a warning. All
 * writes go into one transaction on a copy of the database ({@link DatabaseBuilder}), so a
 * failure leaves the previous file as it was.
 *
 * <pre>{@code
 * ImportReport report = new FeedImport(Clock.systemUTC())
 *         .run(Path.of("vuln.db"), List.of(Path.of("ghsa"), Path.of("kev.json")), Optional.empty());
 * report.sources(); // {cisa-kev=SourceCounts[imported=1404, skipped=0], ghsa=...}
 * }</pre>
 */
public final class FeedImport {

    private static final Logger LOG = LoggerFactory.getLogger(FeedImport.class);

    private final Clock clock;
    private final FeedDetector detector = new FeedDetector();

    public FeedImport(Clock clock) {
        this.clock = clock;
    }

    /** One file with the feed it will be read as. */
    private record Job(Path file, Feed feed) {}

    /**
     * Imports the inputs into the database file, creating it when missing.
     *
     * @param forced the feed to read every file as, or empty to detect each file's feed
     * @throws FeedInputException when an input is missing or no input contains data of a known feed
     * @throws VulnDbException when the existing database has another schema version or cannot be written
     */
    public ImportReport run(Path database, List<Path> inputs, Optional<Feed> forced) throws FeedInputException, VulnDbException {
        List<ImportWarning> early = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        List<Job> jobs = plan(inputs, forced, early, ignored);
        if (jobs.isEmpty()) {
            throw new FeedInputException("no feed data recognized in " + inputs
                    + ": pass files of a supported feed, or name the feed with --feed (one of "
                    + Stream.of(Feed.values()).map(Feed::cliName).toList() + ")");
        }
        return new DatabaseBuilder(clock).update(database, writer -> {
            WritingSink sink = new WritingSink(writer);
            early.forEach(sink::warning);
            Map<Feed, FeedImporter> importers = new EnumMap<>(Feed.class);
            for (Job job : jobs) {
                LOG.debug("Importing {} as {}", job.file(), job.feed().cliName());
                try {
                    importers.computeIfAbsent(job.feed(), Feed::importer).importFrom(job.file(), sink);
                } catch (IOException e) {
                    sink.skipped(job.feed().sourceName(), new ImportWarning(job.file().toString(), e.getMessage() + "; file skipped"));
                }
            }
            sink.recordSources(clock.instant());
            ImportReport report = new ImportReport(sink.counts(), sink.warnings(), ignored);
            LOG.info("Imported {} records from {} files into {}; {} skipped", report.totalImported(), jobs.size(),
                    database, report.totalSkipped());
            return report;
        });
    }

    private List<Job> plan(List<Path> inputs, Optional<Feed> forced, List<ImportWarning> warnings, List<Path> ignored)
            throws FeedInputException {
        List<Job> jobs = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new FeedInputException("input not found: " + input + ": check the path");
            }
            if (Files.isDirectory(input)) {
                for (Path file : filesIn(input)) {
                    feedOf(file, forced, warnings).ifPresentOrElse(feed -> jobs.add(new Job(file, feed)), () -> ignored.add(file));
                }
            } else {
                Optional<Feed> feed = feedOf(input, forced, warnings);
                if (feed.isPresent()) {
                    jobs.add(new Job(input, feed.get()));
                } else {
                    warnings.add(new ImportWarning(input.toString(), "not data of a known feed; file skipped (name the feed with --feed)"));
                }
            }
        }
        return jobs;
    }

    private Optional<Feed> feedOf(Path file, Optional<Feed> forced, List<ImportWarning> warnings) {
        if (forced.isPresent()) {
            return forced;
        }
        try {
            return detector.detect(file);
        } catch (IOException e) {
            warnings.add(new ImportWarning(file.toString(), "unreadable (" + e.getMessage() + "); file skipped"));
            return Optional.empty();
        }
    }

    private static List<Path> filesIn(Path folder) throws FeedInputException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FeedInputException("failed to list " + folder + ": " + e.getMessage());
        }
    }
}
