package dev.portcullis.cli.db;

import dev.portcullis.vulndb.SourceInfo;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.VulnDbException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis db status}: prints the schema version, build time and age of the database and,
 * per source, its last-modified date, record count and age.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the database's schema version, build time and sources with their dates and record counts.")
final class DbStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    DbCommand parent;

    @Override
    public Integer call() {
        Path database = parent.databasePath();
        try (VulnDatabase db = VulnDatabase.open(database)) {
            print(db);
            return DbCommand.DONE;
        } catch (VulnDbException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return DbCommand.UNUSABLE_INPUT;
        }
    }

    private void print(VulnDatabase db) {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = parent.clock().instant();
        Instant built = db.builtAt();
        out.printf("Database:       %s%n", db.file());
        out.printf("Schema version: %d%n", db.schemaVersion());
        out.printf("Built:          %s%n", built == null ? "never" : built + " (" + age(built, now) + " ago)");
        out.printf("%-20s %-22s %10s %10s%n", "SOURCE", "LAST MODIFIED", "RECORDS", "AGE");
        for (SourceInfo source : db.sources()) {
            Instant modified = source.lastModified();
            out.printf("%-20s %-22s %10d %10s%n", source.name(), modified == null ? "unknown" : modified,
                    source.recordCount(), modified == null ? "unknown" : age(modified, now));
        }
        out.flush();
    }

    /** Formats an age in the largest whole unit: {@code 3 days}, {@code 5 hours}, {@code 12 minutes}. */
    static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return "0 minutes";
        }
        if (age.toDays() >= 1) {
            return plural(age.toDays(), "day");
        }
        if (age.toHours() >= 1) {
            return plural(age.toHours(), "hour");
        }
        return plural(age.toMinutes(), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
