package dev.portcullis.cli;

import dev.portcullis.server.PortcullisServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.analysis.MatchingAnalyzer;
import dev.portcullis.server.analysis.TriagingAnalyzer;
import dev.portcullis.vulndb.DatabaseLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portcullis serve}: runs the server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Portcullis server: REST API, dashboard, scheduled re-analysis and alerts.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the embedded PostgreSQL (default: ~/.local/share/portcullis/server).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL; without it an embedded PostgreSQL runs in the data folder.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "PostgreSQL user.")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "VARIABLE", defaultValue = "PORTCULLIS_DB_PASSWORD",
            description = "Environment variable holding the PostgreSQL password (default: ${DEFAULT-VALUE}).")
    String dbPasswordVariable;

    @Option(names = "--vuln-db", paramLabel = "FILE", description = "Vulnerability database file (default: as db update uses).")
    Path vulnDb;

    @Option(names = "--max-upload-bytes", paramLabel = "BYTES", defaultValue = "67108864",
            description = "Largest accepted request body in bytes (default: ${DEFAULT-VALUE}).")
    long maxUploadBytes;

    @Option(names = "--db-update-hours", paramLabel = "HOURS", defaultValue = "24",
            description = "Hours between vulnerability database updates; 0 turns them off (default: ${DEFAULT-VALUE}).")
    int dbUpdateHours;

    @Option(names = "--no-triage",
            description = "Match only: no triage verdicts and no VEX export. Without it the server triages, and"
                    + " records conditions that need the image config as unknown for SBOMs uploaded without one.")
    boolean matchOnly;

    // Triage used to be opt-in; the old flag stays accepted so existing service files keep working.
    @Option(names = "--triage", hidden = true, description = "Triage findings (the default).")
    boolean triage;

    @Option(names = "--secret-key-file", paramLabel = "FILE",
            description = "File with the base64 AES-256 key that encrypts channel secrets (default: $PORTCULLIS_SECRET_KEY,"
                    + " else secret.key in the data folder, generated on the first start). Servers sharing a"
                    + " database need the same key.")
    Path secretKeyFile;

    @Option(names = "--instance-name", paramLabel = "NAME", description = "Name of this process among the servers sharing the database.")
    String instanceName;

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir
                : Path.of(System.getProperty("user.home"), ".local", "share", "portcullis", "server");
        String name = instanceName != null ? instanceName : host + ":" + port + "-" + ProcessHandle.current().pid();
        ServerConfig config = new ServerConfig(host, port, data, dbUrl, dbUser, System.getenv(dbPasswordVariable),
                DatabaseLocation.resolve(vulnDb), maxUploadBytes,
                dbUpdateHours > 0 ? Duration.ofHours(dbUpdateHours) : null, Duration.ofSeconds(5), name,
                secretKeyFile);
        PortcullisServer server = PortcullisServer.start(config,
                matchOnly ? new MatchingAnalyzer() : new TriagingAnalyzer(java.time.Clock.systemUTC()),
                new RegistryImageScanner(imageOptions.toRegistryOptions(), imageOptions.platform));
        server.bootstrapKey().ifPresent(key -> spec.commandLine().getErr().println(
                "Created the first admin API key; it is shown only this once:\n  " + key));
        spec.commandLine().getErr().println("Listening on http://" + host + ":" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                spec.commandLine().getErr().println("Shutdown failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
        return ExitCode.OK;
    }
}
