package dev.portcullis.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.server.jobs.Jobs;
import dev.portcullis.server.secrets.ChannelSecrets;
import dev.portcullis.server.storage.ApiKeyStore.Scope;
import dev.portcullis.vulndb.VulnDbException;
import dev.portcullis.vulndb.feed.FeedImport;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.feed.ImportReport;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Admin routes: feed imports that trigger re-analysis, notification channels, alert rules and their log. */
public final class AdminRoutes {

    /** Registers one route. */
    @FunctionalInterface
    public interface Registrar {
        void add(HandlerType method, String path, Handler handler);
    }

    private static final Set<String> CHANNEL_KINDS = Set.of("WEBHOOK", "SLACK", "EMAIL", "SENTRY");

    private final Authenticator auth;
    private final Jdbi jdbi;
    private final Path vulnDb;
    private final Jobs jobs;
    private final JsonBody bodies;
    private final ChannelSecrets secrets;

    public AdminRoutes(Authenticator auth, Jdbi jdbi, Path vulnDb, Jobs jobs, JsonBody bodies, ChannelSecrets secrets) {
        this.auth = auth;
        this.jdbi = jdbi;
        this.vulnDb = vulnDb;
        this.jobs = jobs;
        this.bodies = bodies;
        this.secrets = secrets;
    }

    void register(Registrar routes) {
        routes.add(HandlerType.POST, "/api/v1/admin/vulndb/import", this::importFeeds);
        routes.add(HandlerType.GET, "/api/v1/channels", this::listChannels);
        routes.add(HandlerType.POST, "/api/v1/channels", this::createChannel);
        routes.add(HandlerType.GET, "/api/v1/rules", ctx -> {
            auth.require(ctx, Scope.ADMIN);
            ctx.json(Map.of("items", jdbi.withHandle(h -> h.createQuery("""
                    select id, name, condition::text as condition, action, channel_ids::text as channels
                    from alert_rule order by id
                    """).mapToMap().list())));
        });
        routes.add(HandlerType.POST, "/api/v1/rules", this::createRule);
        routes.add(HandlerType.GET, "/api/v1/alerts", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(Map.of("items", jdbi.withHandle(h -> h.createQuery("""
                    select e.id, e.created_at::text as created_at, e.payload::text as payload,
                           coalesce(jsonb_agg(jsonb_build_object('channel', d.channel_id, 'status', d.status,
                                    'attempts', d.attempts)) filter (where d.id is not null), '[]')::text as deliveries
                    from alert_event e left join delivery d on d.event_id = e.id
                    group by e.id order by e.id desc limit 200
                    """).mapToMap().list())));
        });
        routes.add(HandlerType.GET, "/api/v1/images/{id}/changes", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(Map.of("items", jdbi.withHandle(h -> h.createQuery("""
                    select run_id, kind, vuln_id, package_name, old_verdict, new_verdict, risk
                    from analysis_change where image_id = :image order by id
                    """).bind("image", Params.id(ctx, "id")).mapToMap().list())));
        });
    }

    private void importFeeds(Context ctx) {
        auth.require(ctx, Scope.ADMIN);
        JsonNode body = bodies.read(ctx);
        Path folder = Path.of(ApiRoutes.text(body, "path"));
        if (!Files.exists(folder)) {
            throw ApiException.badRequest("No feed file or folder at " + folder + " on the server.");
        }
        try {
            ImportReport report = new FeedImport(Clock.systemUTC()).run(vulnDb, List.of(folder), Optional.empty());
            jobs.scheduleReanalysis("feed import of " + folder);
            ctx.status(202).json(Map.of("imported", report.totalImported(), "skipped", report.totalSkipped(),
                    "reanalysis", "scheduled"));
        } catch (FeedInputException | VulnDbException e) {
            throw ApiException.badRequest("The feeds could not be imported: " + e.getMessage());
        }
    }

    private void createChannel(Context ctx) {
        auth.require(ctx, Scope.ADMIN);
        JsonNode body = bodies.read(ctx);
        String name = Params.name("name", ApiRoutes.text(body, "name"));
        String kind = Params.oneOf("kind", ApiRoutes.text(body, "kind"), CHANNEL_KINDS).toLowerCase(java.util.Locale.ROOT);
        JsonNode config = body.get("config");
        if (config == null || !config.isObject()) {
            throw ApiException.badRequest("Missing object field config.");
        }
        String sealed = secrets.seal(kind, config).toString();
        long id = jdbi.withHandle(h -> h.createQuery("""
                insert into channel (name, kind, config) values (:name, :kind, cast(:config as jsonb)) returning id
                """).bind("name", name).bind("kind", kind).bind("config", sealed).mapTo(Long.class).one());
        ctx.status(201).json(Map.of("id", id));
    }

    // Secret fields are encrypted at rest and masked here, so the API never returns them.
    private void listChannels(Context ctx) {
        auth.require(ctx, Scope.ADMIN);
        List<Map<String, Object>> items = jdbi.withHandle(h -> h.createQuery(
                "select id, name, kind, config::text as config from channel order by id").map((rs, context) -> {
                    String kind = rs.getString("kind");
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getLong("id"));
                    item.put("name", rs.getString("name"));
                    item.put("kind", kind);
                    item.put("config", ChannelSecrets.mask(kind, readConfig(rs.getString("config"))));
                    return item;
                }).list());
        ctx.json(Map.of("items", items));
    }

    private static JsonNode readConfig(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored channel config is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void createRule(Context ctx) {
        auth.require(ctx, Scope.ADMIN);
        JsonNode body = bodies.read(ctx);
        String name = Params.name("name", ApiRoutes.text(body, "name"));
        String action = ApiRoutes.text(body, "action");
        JsonNode condition = body.get("condition");
        if (condition == null || !Set.of("new-finding", "image-age").contains(condition.path("type").asText())) {
            throw ApiException.badRequest("condition.type must be new-finding or image-age.");
        }
        Long[] channels = new Long[body.path("channels").size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = body.path("channels").get(i).asLong();
        }
        long id = jdbi.withHandle(h -> h.createQuery("""
                insert into alert_rule (name, condition, action, channel_ids)
                values (:name, cast(:condition as jsonb), :action, :channels) returning id
                """).bind("name", name).bind("condition", condition.toString()).bind("action", action)
                .bind("channels", channels).mapTo(Long.class).one());
        ctx.status(201).json(Map.of("id", id));
    }
}
