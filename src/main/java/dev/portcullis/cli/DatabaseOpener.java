package dev.portcullis.cli;

import dev.portcullis.vulndb.DatabaseLocation;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.VulnDbException;
import dev.portcullis.vulndb.feed.FeedImport;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.feed.ImportReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens the vulnerability database a scan matches against, and warns on stderr when there is none
 * (the scan lists packages only), when it is old, or when a folder was imported on the fly.
 *
 * <p>A folder given to {@code --db} is read as feed files (what {@code portcullis db import}
 * reads) and imported into a temporary database that is deleted after the scan, so the bundled
 * example data needs no build step and stays reviewable as text.
 */
final class DatabaseOpener implements AutoCloseable {

    private final DatabaseOptions options;
    private final Map<String, String> environment;
    private final Path home;
    private final Clock clock;
    private final PrintStream err;
    private Path temporaryFolder;

    DatabaseOpener(DatabaseOptions options, Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.options = options;
        this.environment = environment;
        this.home = home;
        this.clock = clock;
        this.err = err;
    }

    /**
     * Returns the open database, or empty when the scan lists packages only.
     *
     * @throws UsageException when an explicit path does not exist, or the database cannot be used
     */
    Optional<VulnDatabase> open(boolean quiet) {
        if (options.skipDatabase) {
            warn(quiet, "--skip-db given: listing packages only, with no vulnerability matching.");
            return Optional.empty();
        }
        Path path = DatabaseLocation.resolve(options.database, environment, home);
        if (Files.isDirectory(path)) {
            return Optional.of(openDatabase(importFolder(path, quiet)));
        }
        if (!Files.exists(path)) {
            String advice = "run `portcullis db update` to download the feeds, or `portcullis db import PATH` to"
                    + " import feed files you have";
            if (options.database != null || environment.containsKey(DatabaseLocation.ENVIRONMENT_VARIABLE)) {
                throw new UsageException("No vulnerability database at " + path + ": " + advice);
            }
            warn(quiet, "No vulnerability database at " + path + ", so packages are listed with no vulnerability"
                    + " matching. To get data, " + advice + ".");
            return Optional.empty();
        }
        VulnDatabase database = openDatabase(path);
        warnWhenOld(database, quiet);
        return Optional.of(database);
    }

    private VulnDatabase openDatabase(Path path) {
        try {
            return VulnDatabase.open(path);
        } catch (VulnDbException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private Path importFolder(Path folder, boolean quiet) {
        try {
            temporaryFolder = Files.createTempDirectory("portcullis-db-");
            Path file = temporaryFolder.resolve("vuln.db");
            ImportReport report = new FeedImport(clock).run(file, List.of(folder), Optional.empty());
            warn(quiet, "Imported " + report.totalImported() + " records from the feed folder " + folder
                    + " into a temporary database for this scan (" + report.totalSkipped() + " skipped). Run"
                    + " `portcullis db import " + folder + "` to keep them.");
            return file;
        } catch (FeedInputException | VulnDbException e) {
            throw new UsageException("Cannot use the folder " + folder + " as vulnerability data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary database for " + folder, e);
        }
    }

    private void warnWhenOld(VulnDatabase database, boolean quiet) {
        Instant built = database.builtAt();
        if (built == null) {
            return;
        }
        Duration age = Duration.between(built, clock.instant());
        if (age.toDays() > options.maxAgeDays) {
            warn(quiet, "The vulnerability database " + database.file() + " was built " + age.toDays()
                    + " days ago, more than --max-db-age " + options.maxAgeDays
                    + " days: run `portcullis db update` to refresh it.");
        }
    }

    private void warn(boolean quiet, String message) {
        if (!quiet) {
            err.println("portcullis: " + message);
        }
    }

    /** Deletes the temporary database of an imported folder. */
    @Override
    public void close() throws IOException {
        if (temporaryFolder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(temporaryFolder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
