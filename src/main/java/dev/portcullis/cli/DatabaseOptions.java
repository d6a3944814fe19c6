package dev.portcullis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The vulnerability database options of {@code scan}. */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "PATH",
            description = "Vulnerability database file, or a folder of feed files to import into a temporary database"
                    + " for this scan (default: $PORTCULLIS_DB, else $XDG_CACHE_HOME or ~/.cache, then portcullis/vuln.db).")
    Path database;

    @Option(names = "--skip-db", description = "Do not match vulnerabilities; list the packages only.")
    boolean skipDatabase;

    @Option(names = "--offline",
            description = "Use no network: a registry reference as IMAGE and --server are rejected. Scans never"
                    + " download vulnerability data; 'portcullis db update' is the command that downloads.")
    boolean offline;

    @Option(names = "--max-db-age", paramLabel = "DAYS", defaultValue = "7",
            description = "Warn when the vulnerability database was built more than DAYS days ago (default: ${DEFAULT-VALUE}).")
    long maxAgeDays;
}
