package dev.portcullis.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.server.analysis.IngestService;
import dev.portcullis.server.analysis.InvalidSbomException;
import dev.portcullis.server.jobs.Jobs;
import dev.portcullis.server.jobs.RegistryScanRequest;
import dev.portcullis.server.storage.ApiKeyStore;
import dev.portcullis.server.storage.ApiKeyStore.ApiKey;
import dev.portcullis.server.storage.ApiKeyStore.Scope;
import dev.portcullis.server.storage.DecisionStore;
import dev.portcullis.server.storage.FindingQuery;
import dev.portcullis.server.storage.FindingStore;
import dev.portcullis.server.storage.ScanStore;
import dev.portcullis.triage.Justification;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The REST API under {@code /api/v1}. Every route needs an API key of the scope it names. */
public final class ApiRoutes {

    /** A registered route, for the check that the OpenAPI document lists every one. */
    public record Route(String method, String path) {}

    // Host, optional port, path, then a tag or digest: no scheme, no spaces, no leading dot or slash.
    private static final java.util.Set<String> JUSTIFICATIONS = Arrays.stream(Justification.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toSet());
    private static final java.util.regex.Pattern REGISTRY_REFERENCE =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(:[0-9]{1,5})?(/[a-z0-9._-]+)+(:[A-Za-z0-9._-]{1,128})?(@sha256:[0-9a-f]{64})?|[a-z0-9][a-z0-9._-]*(:[A-Za-z0-9._-]{1,128})?(@sha256:[0-9a-f]{64})?");

    private final Authenticator auth;
    private final ScanStore scans;
    private final FindingStore findings;
    private final DecisionStore decisions;
    private final ApiKeyStore keys;
    private final IngestService ingest;
    private final AdminRoutes admin;
    private final BodyReader bodies;
    private final JsonBody json;
    private final Jobs jobs;
    private final boolean registryScans;
    private final VexExport vex;
    private final List<Route> routes = new ArrayList<>();

    public ApiRoutes(Authenticator auth, ScanStore scans, FindingStore findings, DecisionStore decisions,
            ApiKeyStore keys, IngestService ingest, AdminRoutes admin, BodyReader bodies, Jobs jobs,
            boolean registryScans, VexExport vex) {
        this.vex = vex;
        this.jobs = jobs;
        this.registryScans = registryScans;
        this.auth = auth;
        this.scans = scans;
        this.findings = findings;
        this.decisions = decisions;
        this.keys = keys;
        this.ingest = ingest;
        this.admin = admin;
        this.bodies = bodies;
        this.json = new JsonBody(bodies);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public void register(RoutesConfig config) {
        add(config, HandlerType.GET, "/api/v1/projects", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(Map.of("items", scans.projects()));
        });

        add(config, HandlerType.GET, "/api/v1/images", this::images);
        add(config, HandlerType.GET, "/api/v1/images/{id}", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(scans.image(Params.id(ctx, "id")).orElseThrow(() -> ApiException.notFound("No such image.")));
        });
        add(config, HandlerType.GET, "/api/v1/images/{id}/scans", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(Map.of("items", scans.scansOfImage(existingImage(ctx))));
        });
        add(config, HandlerType.GET, "/api/v1/images/{id}/findings", ctx -> {
            auth.require(ctx, Scope.READ);
            FindingQuery query = findingQuery(ctx);
            long latest = scans.latestScanOf(existingImage(ctx))
                    .orElseThrow(() -> ApiException.notFound("The image has no scan."));
            ctx.json(findings.find(latest, query));
        });

        add(config, HandlerType.GET, "/api/v1/images/{id}/decisions", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(Map.of("items", decisions.ofImage(existingImage(ctx))));
        });
        add(config, HandlerType.POST, "/api/v1/images/{id}/decisions", this::recordDecision);
        add(config, HandlerType.DELETE, "/api/v1/decisions/{id}", ctx -> {
            ApiKey key = auth.require(ctx, Scope.WRITE);
            if (!decisions.revoke(Params.id(ctx, "id"), key.name())) {
                throw ApiException.notFound("No active decision has that id.");
            }
            ctx.status(204);
        });

        add(config, HandlerType.GET, "/api/v1/images/{id}/vex/openvex", this::vex);
        add(config, HandlerType.GET, "/api/v1/images/{id}/vex/cyclonedx", this::vex);

        add(config, HandlerType.POST, "/api/v1/scans", this::upload);
        add(config, HandlerType.POST, "/api/v1/registry-scans", this::registryScan);
        add(config, HandlerType.GET, "/api/v1/scans/{id}", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(scans.scan(Params.id(ctx, "id")).orElseThrow(() -> ApiException.notFound("No such scan.")));
        });
        add(config, HandlerType.GET, "/api/v1/scans/{id}/findings", ctx -> {
            auth.require(ctx, Scope.READ);
            long scanId = existingScan(ctx, "id");
            ctx.json(findings.find(scanId, findingQuery(ctx)));
        });
        add(config, HandlerType.GET, "/api/v1/scans/{id}/diff/{otherId}", ctx -> {
            auth.require(ctx, Scope.READ);
            ctx.json(ScanDiff.between(findings.all(existingScan(ctx, "id")), findings.all(existingScan(ctx, "otherId"))));
        });

        add(config, HandlerType.GET, "/api/v1/audit-log", ctx -> {
            auth.require(ctx, Scope.ADMIN);
            ctx.json(Map.of("items", decisions.auditLog(Params.integer(ctx, "limit", 100, 1, 1000))));
        });
        add(config, HandlerType.POST, "/api/v1/keys", this::createKey);
        admin.register((method, path, handler) -> add(config, method, path, handler));
    }

    private void add(RoutesConfig config, HandlerType method, String path, Handler handler) {
        config.addHttpHandler(method, path, handler);
        routes.add(new Route(method.name().toLowerCase(java.util.Locale.ROOT), path));
    }

    private void images(Context ctx) {
        auth.require(ctx, Scope.READ);
        String project = ctx.queryParam("project") == null ? null : Params.name("project", ctx.queryParam("project"));
        int page = Params.integer(ctx, "page", 1, 1, 1_000_000);
        int pageSize = Params.integer(ctx, "pageSize", 50, 1, Params.MAX_PAGE_SIZE);
        ctx.json(Map.of("items", scans.images(project, pageSize, (page - 1) * pageSize), "page", page,
                "pageSize", pageSize));
    }

    private void upload(Context ctx) {
        auth.require(ctx, Scope.WRITE);
        bodies.checkDeclaredLength(ctx);
        String project = Params.name("project", ctx.queryParamAsClass("project", String.class).getOrDefault("default"));
        String image = Params.name("image", ctx.queryParam("image"));
        List<String> tags = ctx.queryParams("tag").stream().map(tag -> Params.name("tag", tag)).toList();
        byte[] body = bodies.read(ctx);
        try {
            long scanId = ingest.ingest(project, image, tags, body);
            ctx.status(201).json(scans.scan(scanId).orElseThrow());
        } catch (InvalidSbomException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void registryScan(Context ctx) {
        auth.require(ctx, Scope.WRITE);
        JsonNode body = json.read(ctx);
        String reference = text(body, "reference");
        if (!REGISTRY_REFERENCE.matcher(reference).matches()) {
            throw ApiException.badRequest("Invalid reference: use a registry reference such as"
                    + " registry.example/team/app:1.2 or an image name with a digest.");
        }
        String project = Params.name("project", body.path("project").asText("default"));
        String image = Params.name("image", body.path("image").asText(reference.replaceAll("[:@].*$", "")));
        List<String> tags = new ArrayList<>();
        body.path("tags").forEach(tag -> tags.add(Params.name("tag", tag.asText())));
        if (!registryScans) {
            throw new ApiException(501, "This server was started without a registry scanner; run it with"
                    + " portcullis serve to scan registry images.");
        }
        String job = jobs.scheduleRegistryScan(new RegistryScanRequest(reference, project, image, tags));
        ctx.status(202).json(Map.of("job", job, "reference", reference));
    }

    private void recordDecision(Context ctx) {
        ApiKey key = auth.require(ctx, Scope.WRITE);
        long imageId = existingImage(ctx);
        JsonNode body = json.read(ctx);
        String vulnId = Params.vulnId(text(body, "vulnId"));
        String packageName = Params.packageName(text(body, "packageName"));
        String verdict = Params.oneOf("verdict", text(body, "verdict"), Params.VERDICTS);
        String justification = null;
        if (body.hasNonNull("justification")) {
            justification = Params.oneOf("justification", body.get("justification").asText(), JUSTIFICATIONS)
                    .toLowerCase(java.util.Locale.ROOT);
            if (!verdict.equals("NOT_AFFECTED")) {
                throw ApiException.badRequest("justification applies to a NOT_AFFECTED verdict only.");
            }
        }
        String reason = text(body, "reason");
        if (reason.length() > 4000) {
            throw ApiException.badRequest("reason must be at most 4000 characters.");
        }
        Instant expiresAt = null;
        if (body.hasNonNull("expiresAt")) {
            try {
                expiresAt = Instant.parse(body.get("expiresAt").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("expiresAt must be an ISO-8601 instant such as 2027-01-31T00:00:00Z.");
            }
        }
        long id = decisions.record(imageId, vulnId, packageName, verdict, justification, reason, key.name(),
                expiresAt);
        ctx.status(201).json(Map.of("id", id));
    }

    private void createKey(Context ctx) {
        auth.require(ctx, Scope.ADMIN);
        JsonNode body = json.read(ctx);
        String name = Params.name("name", text(body, "name"));
        Scope scope = Scope.valueOf(Params.oneOf("scope", text(body, "scope"),
                Arrays.stream(Scope.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet())));
        Instant expiresAt = null;
        if (body.hasNonNull("expiresAt")) {
            try {
                expiresAt = Instant.parse(body.get("expiresAt").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("expiresAt must be an ISO-8601 instant such as 2027-01-31T00:00:00Z.");
            }
        }
        ctx.status(201).json(Map.of("name", name, "scope", scope.name().toLowerCase(java.util.Locale.ROOT),
                "key", keys.create(name, scope, expiresAt)));
    }

    private void vex(Context ctx) {
        auth.require(ctx, Scope.READ);
        long id = existingImage(ctx);
        boolean openVex = ctx.path().endsWith("/openvex");
        String name = scans.image(id).orElseThrow().name();
        ctx.contentType(openVex ? "application/json" : "application/vnd.cyclonedx+json")
                .result(vex.export(id, name, openVex));
    }

    FindingQuery findingQuery(Context ctx) {
        return new FindingQuery(Params.oneOf(ctx, "verdict", Params.VERDICTS), Params.oneOf(ctx, "risk", Params.RISKS),
                Params.packageName(ctx), Params.vulnId(ctx), Params.integer(ctx, "page", 1, 1, 1_000_000),
                Params.integer(ctx, "pageSize", 50, 1, Params.MAX_PAGE_SIZE));
    }

    private long existingImage(Context ctx) {
        long id = Params.id(ctx, "id");
        if (!scans.imageExists(id)) {
            throw ApiException.notFound("No image has id " + id + ".");
        }
        return id;
    }

    private long existingScan(Context ctx, String parameter) {
        long id = Params.id(ctx, parameter);
        if (scans.scan(id).isEmpty()) {
            throw ApiException.notFound("No scan has id " + id + ".");
        }
        return id;
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest("Missing text field " + field + ".");
        }
        return value.asText();
    }
}
