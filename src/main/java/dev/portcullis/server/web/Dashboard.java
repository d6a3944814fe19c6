package dev.portcullis.server.web;

import static dev.portcullis.server.web.Html.escape;

import dev.portcullis.server.api.ApiException;
import dev.portcullis.server.api.Authenticator;
import dev.portcullis.server.storage.ApiKeyStore;
import dev.portcullis.server.storage.ApiKeyStore.ApiKey;
import dev.portcullis.server.storage.ApiKeyStore.Scope;
import dev.portcullis.server.storage.DecisionStore;
import dev.portcullis.server.storage.FindingStore;
import dev.portcullis.server.storage.FindingStore.FindingView;
import dev.portcullis.server.storage.ScanStore;
import dev.portcullis.server.storage.ScanStore.ImageSummary;
import dev.portcullis.server.storage.SessionStore;
import dev.portcullis.triage.Justification;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The server-rendered dashboard: login with an API key, the image list, an image's findings grouped by
 * verdict with their evidence, a decision form and the diff between two scans. Pages work without
 * JavaScript and load nothing from elsewhere.
 */
public final class Dashboard {

    private static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    private static final Set<String> VERDICTS =
            Set.of("AFFECTED", "ALREADY_PATCHED", "NOT_AFFECTED", "UPSTREAM_PENDING", "LOW_RISK");

    private final Authenticator auth;
    private final ApiKeyStore keys;
    private final SessionStore sessions;
    private final ScanStore scans;
    private final FindingStore findings;
    private final DecisionStore decisions;
    private final boolean triaged;

    public Dashboard(Authenticator auth, ApiKeyStore keys, SessionStore sessions, ScanStore scans,
            FindingStore findings, DecisionStore decisions, boolean triaged) {
        this.auth = auth;
        this.keys = keys;
        this.sessions = sessions;
        this.scans = scans;
        this.findings = findings;
        this.decisions = decisions;
        this.triaged = triaged;
    }

    public void register(RoutesConfig routes) {
        routes.get("/login", ctx -> ctx.html(loginPage(null)));
        routes.post("/login", this::login);
        routes.post("/logout", ctx -> {
            sessions.close(ctx.cookie(Authenticator.SESSION_COOKIE));
            ctx.removeCookie(Authenticator.SESSION_COOKIE, "/");
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        });
        routes.get("/", ctx -> withKey(ctx, Scope.READ).ifPresent(key -> ctx.html(imagesPage())));
        routes.get("/images/{id}", ctx -> withKey(ctx, Scope.READ).ifPresent(key -> ctx.html(imagePage(ctx))));
        routes.post("/images/{id}/decisions", ctx -> withKey(ctx, Scope.WRITE).ifPresent(key -> decide(ctx, key)));
        routes.get("/diff", ctx -> withKey(ctx, Scope.READ).ifPresent(key -> ctx.html(diffPage(ctx))));
    }

    private Optional<ApiKey> withKey(Context ctx, Scope scope) {
        if (auth.find(ctx).isEmpty()) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        return Optional.of(auth.require(ctx, scope));
    }

    private void login(Context ctx) {
        String key = ctx.formParam("apiKey");
        Optional<ApiKey> found = key == null ? Optional.empty() : keys.verify(key.strip());
        if (found.isEmpty() || (found.get().expiresAt() != null && found.get().expiresAt().isBefore(Instant.now()))) {
            ctx.status(401).html(loginPage("Unknown or expired API key."));
            return;
        }
        Cookie cookie = new Cookie(Authenticator.SESSION_COOKIE, sessions.open(found.get().id(), SESSION_LIFETIME));
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setMaxAge((int) SESSION_LIFETIME.toSeconds());
        ctx.cookie(cookie);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String loginPage(String error) {
        String message = error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>";
        return Html.page("Log in", message + """
                <form method="post" action="/login">
                <label>API key <input type="password" name="apiKey" id="apiKey" size="80" autocomplete="off"></label>
                <button type="submit" id="login">Log in</button></form>
                """, false);
    }

    private String imagesPage() {
        List<ImageSummary> images = scans.images(null, 1000, 0);
        StringBuilder rows = new StringBuilder();
        for (ImageSummary image : images) {
            rows.append("<tr><td>").append(escape(image.project())).append("</td><td><a href=\"/images/")
                    .append(image.id()).append("\">").append(escape(image.name())).append("</a></td><td>")
                    .append(escape(String.join(", ", image.tags()))).append("</td><td class=\"CRITICAL\">")
                    .append(image.critical()).append("</td><td class=\"HIGH\">").append(image.high())
                    .append("</td><td class=\"MEDIUM\">").append(image.medium()).append("</td><td class=\"LOW\">")
                    .append(image.low()).append("</td><td class=\"MINIMAL\">").append(image.minimal())
                    .append("</td><td>").append(image.affected()).append("</td><td>").append(image.total())
                    .append("</td><td>").append(escape(image.latestScanAt())).append("</td></tr>");
        }
        return Html.page("Images", """
                <table id="images"><thead><tr><th>Project</th><th>Image</th><th>Tags</th><th>Critical</th>
                <th>High</th><th>Medium</th><th>Low</th><th>Minimal</th><th>Affected</th><th>Total</th>
                <th>Latest scan</th></tr></thead><tbody>""" + rows + "</tbody></table>", true);
    }

    private String imagePage(Context ctx) {
        long id = imageId(ctx);
        ImageSummary image = scans.image(id).orElseThrow(() -> ApiException.notFound("No such image."));
        StringBuilder body = new StringBuilder();
        body.append("<p>Project ").append(escape(image.project())).append(", tags ")
                .append(escape(String.join(", ", image.tags()))).append(", digest ").append(escape(image.digest()))
                .append("</p>");
        if (!triaged) {
            body.append("<p>Verdicts come from matching alone: with a fix released, AFFECTED; without, UPSTREAM_PENDING.</p>");
        }
        body.append("<h2>Findings per scan</h2>").append(TrendChart.svg(scans.trend(id)));
        var history = scans.scansOfImage(id);
        if (history.size() >= 2) {
            body.append("<p><a id=\"diff-latest\" href=\"/diff?from=").append(history.get(1).id()).append("&amp;to=")
                    .append(history.get(0).id()).append("\">Compare the latest two scans</a></p>");
        }
        if (image.latestScanId() != null) {
            Map<String, List<FindingView>> byVerdict = new TreeMap<>(findings.all(image.latestScanId()).stream()
                    .collect(Collectors.groupingBy(FindingView::verdict)));
            byVerdict.forEach((verdict, group) -> body.append(verdictSection(id, verdict, group)));
        }
        return Html.page("Image " + image.name(), body.toString(), true);
    }

    private static String verdictSection(long imageId, String verdict, List<FindingView> group) {
        StringBuilder section = new StringBuilder("<section id=\"verdict-" + escape(verdict) + "\"><h2>"
                + escape(verdict) + " (" + group.size() + ")</h2><table><thead><tr><th>Vulnerability</th>"
                + "<th>Package</th><th>Version</th><th>Risk</th><th>Fixed in</th><th>Evidence</th><th>Decision</th>"
                + "</tr></thead><tbody>");
        for (FindingView finding : group) {
            String decided = finding.decisionId() == null ? ""
                    : "<p>Decided by " + escape(finding.decisionAuthor()) + ": " + escape(finding.decisionReason())
                            + "</p>";
            section.append("<tr class=\"finding\" data-vuln=\"").append(escape(finding.vulnId())).append("\"><td>")
                    .append(escape(finding.vulnId())).append("</td><td>").append(escape(finding.packageName()))
                    .append("</td><td>").append(escape(finding.packageVersion())).append("</td><td class=\"")
                    .append(escape(finding.risk())).append("\">").append(escape(finding.risk())).append("</td><td>")
                    .append(escape(finding.fixedVersion())).append("</td><td><details><summary>evidence</summary><pre>")
                    .append(escape(finding.evidence())).append("</pre></details></td><td>").append(decided)
                    .append(decisionForm(imageId, finding)).append("</td></tr>");
        }
        return section.append("</tbody></table></section>").toString();
    }

    private static String decisionForm(long imageId, FindingView finding) {
        StringBuilder options = new StringBuilder();
        VERDICTS.stream().sorted().forEach(v -> options.append("<option>").append(v).append("</option>"));
        StringBuilder justifications = new StringBuilder("<option value=\"\">no justification</option>");
        for (Justification justification : Justification.values()) {
            justifications.append("<option>").append(justification.label()).append("</option>");
        }
        return "<form method=\"post\" action=\"/images/" + imageId + "/decisions\" class=\"decide\">"
                + "<input type=\"hidden\" name=\"vulnId\" value=\"" + escape(finding.vulnId()) + "\">"
                + "<input type=\"hidden\" name=\"packageName\" value=\"" + escape(finding.packageName()) + "\">"
                + "<select name=\"verdict\">" + options + "</select>"
                + "<select name=\"justification\" title=\"OpenVEX justification, for NOT_AFFECTED\">"
                + justifications + "</select>"
                + "<input type=\"text\" name=\"reason\" placeholder=\"reason\" required>"
                + "<button type=\"submit\">Record</button></form>";
    }

    private void decide(Context ctx, ApiKey key) {
        long id = imageId(ctx);
        scans.image(id).orElseThrow(() -> ApiException.notFound("No such image."));
        String verdict = ctx.formParam("verdict");
        String reason = ctx.formParam("reason");
        String vulnId = ctx.formParam("vulnId");
        String packageName = ctx.formParam("packageName");
        if (verdict == null || !VERDICTS.contains(verdict) || reason == null || reason.isBlank() || vulnId == null
                || packageName == null || reason.length() > 4000) {
            throw ApiException.badRequest("The decision needs a verdict, a reason, a vulnerability and a package.");
        }
        // A justification explains NOT_AFFECTED only, so the form's choice is dropped for other verdicts.
        String justification = ctx.formParam("justification");
        if (justification == null || justification.isBlank() || !verdict.equals("NOT_AFFECTED")) {
            justification = null;
        } else if (Justification.ofLabel(justification) == null) {
            throw ApiException.badRequest("Unknown justification " + justification + ".");
        }
        decisions.record(id, vulnId, packageName, verdict, justification, reason.strip(), key.name(), null);
        ctx.redirect("/images/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private String diffPage(Context ctx) {
        long from = number(ctx.queryParam("from"));
        long to = number(ctx.queryParam("to"));
        var diff = dev.portcullis.server.api.ScanDiff.between(findings.all(from), findings.all(to));
        StringBuilder body = new StringBuilder("<h2>New (" + diff.added().size() + ")</h2><ul id=\"added\">");
        diff.added().forEach(f -> body.append("<li>").append(escape(f.vulnId())).append(" in ")
                .append(escape(f.packageName())).append("</li>"));
        body.append("</ul><h2>Resolved (").append(diff.resolved().size()).append(")</h2><ul id=\"resolved\">");
        diff.resolved().forEach(f -> body.append("<li>").append(escape(f.vulnId())).append(" in ")
                .append(escape(f.packageName())).append("</li>"));
        body.append("</ul><h2>Changed (").append(diff.changed().size()).append(")</h2><ul id=\"changed\">");
        diff.changed().forEach(c -> body.append("<li>").append(escape(c.vulnId())).append(" in ")
                .append(escape(c.packageName())).append(": ").append(escape(c.fromVerdict())).append(" to ")
                .append(escape(c.toVerdict())).append("</li>"));
        return Html.page("Scan " + from + " to scan " + to, body.append("</ul>").toString(), true);
    }

    private static long imageId(Context ctx) {
        return number(ctx.pathParam("id"));
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.badRequest("Expected a numeric id.");
        }
    }
}
