package dev.portcullis.cli;

import dev.portcullis.cli.db.DatabaseFile;
import dev.portcullis.report.Plural;
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
import java.util.stream.Collectors;
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

    private static final String FOLDER_ADVICE = "Pass a database file built by `portcullis db update` or"
            + " `portcullis db import PATH`, or a folder of feed files (OSV JSON, Debian tracker JSON, Alpine secdb,"
            + " Node.js core index, CISA KEV, EPSS, NVD).";

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
     * @throws UsageException when --max-db-age is negative, an explicit path does not exist, or the database
     *     cannot be used
     */
    Optional<VulnDatabase> open(boolean quiet) {
        return open(quiet, null);
    }

    /**
     * Returns the open database as {@link #open(boolean)} does, but when {@code requiredBy} names an option
     * that cannot work without matching, a missing default database is an error rather than a warning.
     *
     * @param requiredBy the option that needs a database, such as {@code --fail-on}, or null
     * @throws UsageException also when {@code requiredBy} is given and no database was found
     */
    Optional<VulnDatabase> open(boolean quiet, String requiredBy) {
        if (options.maxAgeDays < 0) {
            throw new UsageException("invalid --max-db-age " + options.maxAgeDays + ": expected 0 or more days");
        }
        if (options.skipDatabase) {
            note(quiet, "--skip-db given: listing packages only, with no vulnerability matching.");
            return Optional.empty();
        }
        Path path = DatabaseLocation.resolve(options.database, environment, home);
        if (Files.isDirectory(path)) {
            return Optional.of(DatabaseFile.open(importFolder(path, quiet)));
        }
        boolean named = options.database != null || environment.containsKey(DatabaseLocation.ENVIRONMENT_VARIABLE);
        if (!Files.exists(path) && !named && requiredBy != null) {
            throw new UsageException(requiredBy + " needs a vulnerability database to match findings against, and"
                    + " there is none at " + path + ", so the gate cannot run: " + DatabaseFile.BUILD_ADVICE
                    + ", or pass --db FILE");
        }
        if (!Files.exists(path) && !named) {
            warn(quiet, "no vulnerability database at " + path + ", so packages are listed with no vulnerability"
                    + " matching. To get data, " + DatabaseFile.BUILD_ADVICE + ".");
            return Optional.empty();
        }
        VulnDatabase database = DatabaseFile.open(path);
        warnWhenOld(database, quiet);
        return Optional.of(database);
    }

    private Path importFolder(Path folder, boolean quiet) {
        ImportReport report;
        Path file;
        try {
            temporaryFolder = Files.createTempDirectory("portcullis-db-");
            file = temporaryFolder.resolve("vuln.db");
            report = new FeedImport(clock).run(file, List.of(folder), Optional.empty());
        } catch (FeedInputException e) {
            // The import's own message suggests --feed, an option of `db import` that scan lacks.
            throw new UsageException("no vulnerability data in the folder " + folder + ": none of its files could be"
                    + " read as a feed. " + FOLDER_ADVICE, e);
        } catch (VulnDbException e) {
            throw new UsageException("cannot import the folder " + folder + " into a temporary database: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary database for " + folder, e);
        }
        if (report.totalImported() == 0) {
            String reasons = report.warnings().stream().limit(5).map(Object::toString).collect(Collectors.joining("; "));
            throw new UsageException("no usable vulnerability records in the folder " + folder
                    + (reasons.isEmpty() ? "" : " (" + reasons + ")") + ". " + FOLDER_ADVICE);
        }
        // Every skipped part is named, even with --quiet, because the result is partial without it.
        report.warnings().forEach(skipped -> err.println("portcullis: warning: skipped " + skipped));
        note(quiet, "imported " + Plural.of(report.totalImported(), "record") + " from the feed folder " + folder
                + " into a temporary database for this run (" + report.totalSkipped() + " skipped). Run"
                + " `portcullis db import " + folder + "` to keep them.");
        return file;
    }

    private void warnWhenOld(VulnDatabase database, boolean quiet) {
        Instant built = database.builtAt();
        if (built == null) {
            return;
        }
        Duration age = Duration.between(built, clock.instant());
        if (age.toDays() > options.maxAgeDays) {
            warn(quiet, "the vulnerability database " + database.file() + " was built "
                    + Plural.of(age.toDays(), "day") + " ago, more than --max-db-age "
                    + Plural.of(options.maxAgeDays, "day") + ": run `portcullis db update` to refresh it.");
        }
    }

    private void warn(boolean quiet, String message) {
        note(quiet, "warning: " + message);
    }

    private void note(boolean quiet, String message) {
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
