package dev.portcullis.server;

import dev.portcullis.server.alerts.AlertEngine;
import dev.portcullis.server.alerts.DeliveryService;
import dev.portcullis.server.analysis.Analyzer;
import dev.portcullis.server.analysis.ImageScanner;
import dev.portcullis.server.analysis.IngestService;
import dev.portcullis.server.analysis.Reanalysis;
import dev.portcullis.server.analysis.VulnDbAccess;
import dev.portcullis.server.api.AdminRoutes;
import dev.portcullis.server.api.ApiException;
import dev.portcullis.server.api.ApiRoutes;
import dev.portcullis.server.api.Authenticator;
import dev.portcullis.server.api.BodyReader;
import dev.portcullis.server.api.Json;
import dev.portcullis.server.api.JsonBody;
import dev.portcullis.server.api.VexExport;
import dev.portcullis.server.jobs.Jobs;
import dev.portcullis.server.secrets.ChannelSecrets;
import dev.portcullis.server.secrets.SecretBox;
import dev.portcullis.server.secrets.SecretException;
import dev.portcullis.server.secrets.SecretKeys;
import dev.portcullis.server.storage.ApiKeyStore;
import dev.portcullis.server.storage.DecisionStore;
import dev.portcullis.server.storage.FindingStore;
import dev.portcullis.server.storage.ScanStore;
import dev.portcullis.server.storage.ServerDatabase;
import dev.portcullis.server.storage.SessionStore;
import dev.portcullis.server.web.Dashboard;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code portcullis serve} process: the database, the job scheduler, the REST API and the dashboard.
 * Several processes may share one PostgreSQL database.
 *
 * <pre>{@code
 * try (PortcullisServer server = PortcullisServer.start(config, new MatchingAnalyzer())) {
 *     server.bootstrapKey(); // Optional["pc_..."] on the first start of an empty database
 * }
 * }</pre>
 */
public final class PortcullisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortcullisServer.class);

    private final ServerDatabase database;
    private final Jobs jobs;
    private final Javalin app;
    private final ApiRoutes api;
    private final String bootstrapKey;

    private PortcullisServer(ServerDatabase database, Jobs jobs, Javalin app, ApiRoutes api, String bootstrapKey) {
        this.database = database;
        this.jobs = jobs;
        this.app = app;
        this.api = api;
        this.bootstrapKey = bootstrapKey;
    }

    /** Opens the database, starts the jobs and listens; the bootstrap key exists only on a first start. */
    public static PortcullisServer start(ServerConfig config, Analyzer analyzer) throws IOException {
        return start(config, analyzer, null);
    }

    /**
     * Starts a server that can also scan registry images itself.
     *
     * @param scanner the registry scanner, or null to reject registry scan requests with 501
     */
    public static PortcullisServer start(ServerConfig config, Analyzer analyzer, ImageScanner scanner)
            throws IOException {
        SecretBox secretBox;
        ServerDatabase database;
        try {
            secretBox = new SecretBox(SecretKeys.load(config.secretKeyFile(),
                    System.getenv(SecretKeys.ENVIRONMENT_VARIABLE), config.dataDir()));
            database = ServerDatabase.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(),
                    secretBox);
        } catch (SecretException e) {
            throw new IOException(e.getMessage(), e);
        }
        ChannelSecrets channelSecrets = new ChannelSecrets(secretBox);
        var jdbi = database.jdbi();
        ScanStore scans = new ScanStore(jdbi);
        ApiKeyStore keys = new ApiKeyStore(jdbi);
        SessionStore sessions = new SessionStore(jdbi);
        VulnDbAccess vulnDb = new VulnDbAccess(config.vulnDb(), analyzer);
        IngestService ingest = new IngestService(jdbi, scans, vulnDb);
        Jobs jobs = new Jobs(database.dataSource(), config.instanceName(), config.pollInterval(),
                new Reanalysis(jdbi, scans, vulnDb), new AlertEngine(jdbi), new DeliveryService(jdbi, channelSecrets),
                config.dbUpdateInterval() == null ? null : new VulnDbUpdate(config.vulnDb()),
                config.dbUpdateInterval(), request -> {
                    if (scanner == null) {
                        LOG.warn("Dropped registry scan of {}: this server has no registry scanner",
                                request.reference());
                        return;
                    }
                    ingest.ingest(request.project(), request.image(), request.tags(),
                            scanner.scan(request.reference()));
                });
        String bootstrap = bootstrapKey(jdbi, keys);

        Authenticator auth = new Authenticator(keys, sessions);
        BodyReader bodies = new BodyReader(config.maxUploadBytes());
        AdminRoutes admin = new AdminRoutes(auth, jdbi, config.vulnDb(), jobs, new JsonBody(bodies), channelSecrets);
        FindingStore findings = new FindingStore(jdbi);
        DecisionStore decisions = new DecisionStore(jdbi);
        ApiRoutes api = new ApiRoutes(auth, scans, findings, decisions, keys, ingest, admin, bodies, jobs,
                scanner != null, new VexExport(scans, vulnDb, decisions, java.time.Clock.systemUTC()));
        Dashboard dashboard = new Dashboard(auth, keys, sessions, scans, findings, decisions, analyzer.triaged());

        Javalin app = Javalin.create(javalin -> {
            javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = config.maxUploadBytes();
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
            javalin.routes.get("/health/ready", ctx -> {
                boolean ready = jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
                ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "database unavailable"));
            });
            javalin.routes.get("/api/v1/openapi.json", ctx -> {
                try (InputStream in = PortcullisServer.class.getResourceAsStream("/server/openapi.json")) {
                    ctx.contentType("application/json").result(in.readAllBytes());
                }
            });
            api.register(javalin.routes);
            dashboard.register(javalin.routes);
            javalin.routes.exception(ApiException.class, (e, ctx) ->
                    ctx.status(e.status()).json(Map.of("error", e.getMessage(), "status", e.status())));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "Internal server error; the server log has the details.",
                        "status", 500));
            });
            javalin.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    ctx.json(Map.of("error", "No route for " + ctx.method() + " " + ctx.path() + ".", "status", 404));
                }
            });
        });
        app.start();
        jobs.start();
        LOG.info("Portcullis server {} listening on http://{}:{}", config.instanceName(), config.host(), app.port());
        return new PortcullisServer(database, jobs, app, api, bootstrap);
    }

    // A transaction-level advisory lock makes sure only one of several processes starting on an empty
    // database creates the bootstrap key.
    private static String bootstrapKey(org.jdbi.v3.core.Jdbi jdbi, ApiKeyStore keys) {
        return jdbi.inTransaction(handle -> {
            handle.createQuery("select pg_advisory_xact_lock(4242)::text").mapTo(String.class).one();
            boolean empty = handle.createQuery("select count(*) = 0 from api_key").mapTo(Boolean.class).one();
            return empty ? keys.create("bootstrap-admin", ApiKeyStore.Scope.ADMIN, null) : null;
        });
    }

    public int port() {
        return app.port();
    }

    /** Returns the admin key created on the first start of an empty database, once. */
    public Optional<String> bootstrapKey() {
        return Optional.ofNullable(bootstrapKey);
    }

    public List<ApiRoutes.Route> routes() {
        return api.routes();
    }

    public Jobs jobs() {
        return jobs;
    }

    public ServerDatabase database() {
        return database;
    }

    @Override
    public void close() throws IOException {
        app.stop();
        jobs.close();
        database.close();
    }
}
