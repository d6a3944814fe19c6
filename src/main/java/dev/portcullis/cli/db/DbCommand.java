package dev.portcullis.cli.db;

import dev.portcullis.cli.UsageException;
import dev.portcullis.vulndb.DatabaseLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis db}: manages the local vulnerability database. Subcommands: {@code import},
 * {@code update}, {@code status}.
 */
@Command(name = "db", description = "Manage the local vulnerability database.",
        subcommands = {DbImportCommand.class, DbUpdateCommand.class, DbStatusCommand.class}, mixinStandardHelpOptions = true)
public final class DbCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Database file (default: $PORTCULLIS_DB, else $XDG_CACHE_HOME or ~/.cache, then portcullis/vuln.db).")
    Path database;

    private final Clock clock;
    private final Map<String, String> environment;
    private final Path home;

    public DbCommand() {
        this(Clock.systemUTC(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Creates the command with a fixed clock and environment, for tests. */
    DbCommand(Clock clock, Map<String, String> environment, Path home) {
        this.clock = clock;
        this.environment = environment;
        this.home = home;
    }

    /** Prints the usage on the error stream and fails, because {@code db} needs a subcommand. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new UsageException("a db subcommand is required: import, update or status, for example"
                + " portcullis db status");
    }

    Path databasePath() {
        return DatabaseLocation.resolve(database, environment, home);
    }

    Clock clock() {
        return clock;
    }
}
