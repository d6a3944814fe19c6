package dev.portcullis.cli.db;

import dev.portcullis.cli.ExitCode;
import dev.portcullis.report.Plural;
import dev.portcullis.vulndb.SourceInfo;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.PrintWriter;
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
        try (VulnDatabase db = DatabaseFile.open(parent.databasePath())) {
            print(db);
            return ExitCode.OK;
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
            return Plural.of(age.toDays(), "day");
        }
        if (age.toHours() >= 1) {
            return Plural.of(age.toHours(), "hour");
        }
        return Plural.of(age.toMinutes(), "minute");
    }
}
