package dev.portcullis.report.overview;

import dev.portcullis.report.Plural;
import dev.portcullis.report.config.ConfigFinding;
import dev.portcullis.report.config.ConfigOrigin;
import dev.portcullis.report.config.ConfigurationReport;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.VerdictKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the security overview as one self-contained HTML page: inline CSS and an inline SVG bar chart
 * of the findings by verdict and by risk level. It loads no script, font, style sheet or image, so it
 * renders the same offline and in a mail attachment.
 */
public final class HtmlOverviewWriter {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24;max-width:1100px}
            h1{font-size:1.6rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
            table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;
            text-align:left;vertical-align:top}th{background:#f6f8fa}.passed{color:#1a7f37}.failed{color:#cf222e}
            .unknown{color:#9a6700}.deciding{font-weight:600}ul.evidence{margin:.2rem 0 .6rem;font-size:.9rem}
            """;
    private static final int BAR_HEIGHT = 22;
    private static final int LABEL_WIDTH = 210;
    private static final int BAR_MAX = 400;

    public void write(Overview overview, OutputStream out) throws IOException {
        out.write(render(overview).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String render(Overview overview) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Security overview: ")
                .append(escape(overview.image())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Security overview: ").append(escape(overview.image())).append("</h1>\n");
        baseImages(overview, html);
        warnings(overview, html);
        build(overview, html);
        findings(overview, html);
        runtime(overview, html);
        riskTable(overview, html);
        advice(overview, html);
        checklist(overview, html);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void baseImages(Overview overview, StringBuilder html) {
        String introduction = escape(overview.baseImages().introduction()).replaceAll("`([^`]*)`", "<code>$1</code>");
        html.append("<h2>Base image</h2>\n<p>").append(introduction).append("</p>\n");
        for (BaseImageEntry entry : overview.baseImages().entries()) {
            html.append("<h3>").append(escape(entry.heading())).append("</h3>\n<ul>\n");
            entry.items().forEach(item -> html.append("<li>").append(escape(item.label())).append(": ")
                    .append(escape(item.text())).append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    private static void warnings(Overview overview, StringBuilder html) {
        html.append("<h2>Why the warnings appear</h2>\n<p>The scan matched ").append(Plural.of(overview.findings().size(), "finding"))
                .append(". Each count below is the number of findings per rating source and severity.</p>\n");
        html.append("<table><tr><th>Source and severity</th><th>Findings</th></tr>\n");
        overview.bySource().forEach((source, count) -> html.append("<tr><td>").append(escape(source))
                .append("</td><td>").append(count).append("</td></tr>\n"));
        html.append("</table>\n<p>Triage gives each finding one verdict and one risk level.</p>\n");
        html.append(chart(overview));
    }

    /** Draws one bar per verdict, then one per risk level; each bar's data-count is the number it shows. */
    static String chart(Overview overview) {
        int rows = overview.byVerdict().size() + overview.byRisk().size() + 1;
        int max = Math.max(1, Math.max(overview.byVerdict().values().stream().mapToInt(Integer::intValue).max()
                .orElse(1), overview.byRisk().values().stream().mapToInt(Integer::intValue).max().orElse(1)));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Findings by verdict and risk\" width=\"")
                .append(LABEL_WIDTH + BAR_MAX + 60).append("\" height=\"").append(rows * BAR_HEIGHT + 10).append("\">\n");
        int[] y = {0};
        overview.byVerdict().forEach((kind, count) -> bar(svg, "verdict", kind.label(), count, max, y, "#0969da"));
        y[0] += BAR_HEIGHT;
        overview.byRisk().forEach((level, count) -> bar(svg, "risk", level.label(), count, max, y, "#bf3989"));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, String group, String label, int count, int max, int[] y, String color) {
        int width = count * BAR_MAX / max;
        int top = y[0] + 4;
        svg.append("<text x=\"0\" y=\"").append(top + 14).append("\" font-size=\"13\">").append(group).append(": ")
                .append(label).append("</text>");
        svg.append("<rect data-group=\"").append(group).append("\" data-label=\"").append(label)
                .append("\" data-count=\"").append(count).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"")
                .append(top).append("\" width=\"").append(width).append("\" height=\"").append(BAR_HEIGHT - 6)
                .append("\" fill=\"").append(color).append("\"/>");
        svg.append("<text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(top + 14)
                .append("\" font-size=\"13\">").append(count).append("</text>\n");
        y[0] += BAR_HEIGHT;
    }

    private static void build(Overview overview, StringBuilder html) {
        html.append("<h2>What the build does</h2>\n<table><tr><th>Check</th><th>Status</th><th>Evidence</th></tr>\n");
        for (Check check : overview.build()) {
            html.append("<tr><td>").append(escape(check.name())).append("</td>").append(status(check.status()))
                    .append("<td>").append(escape(check.evidence())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (overview.configuration().checked(ConfigOrigin.DOCKERFILE)) {
            html.append("<h3>Dockerfile lint</h3>\n");
            findingTable(overview.configuration().findings(ConfigOrigin.DOCKERFILE),
                    "The lint rules found nothing to fix in the Dockerfile.", html);
        }
    }

    private static void findings(Overview overview, StringBuilder html) {
        html.append("<h2>Findings by verdict</h2>\n");
        for (VerdictKind kind : VerdictKind.values()) {
            List<TriagedFinding> findings = overview.withVerdict(kind);
            if (findings.isEmpty()) {
                continue;
            }
            html.append("<h3>").append(kind.label()).append(" (").append(findings.size()).append(")</h3>\n<ul>\n");
            for (TriagedFinding triaged : findings) {
                html.append("<li><strong>").append(escape(triaged.finding().id())).append("</strong> in ")
                        .append(escape(triaged.finding().pkg().name() + " " + triaged.finding().installedVersion()))
                        .append(", risk ").append(triaged.risk().level().label()).append(": ")
                        .append(escape(triaged.verdict().reason())).append("\n<ul class=\"evidence\">\n");
                for (Evidence evidence : triaged.evidence()) {
                    html.append("<li").append(evidence.decided() ? " class=\"deciding\">deciding " : ">")
                            .append(evidence.kind().name().toLowerCase(Locale.ROOT)).append(" (")
                            .append(escape(evidence.source())).append("): ").append(escape(evidence.fact()))
                            .append("</li>\n");
                }
                html.append("</ul></li>\n");
            }
            html.append("</ul>\n");
        }
    }

    private static void runtime(Overview overview, StringBuilder html) {
        ConfigurationReport configuration = overview.configuration();
        html.append("<h2>Runtime hardening</h2>\n<h3>Run settings</h3>\n");
        if (!configuration.checked(ConfigOrigin.COMPOSE) && !configuration.checked(ConfigOrigin.DOCKER_RUN)) {
            html.append("<p>Not audited, because no compose file or docker run command was given (--compose,"
                    + " --docker-run). The image config shows:</p>\n<ul>\n");
            for (Check check : overview.build()) {
                if (check.fix() != null && check.status() == CheckStatus.FAILED) {
                    html.append("<li>").append(escape(check.name() + ": " + check.evidence() + "; fix: " + check.fix()))
                            .append("</li>\n");
                }
            }
            html.append("</ul>\n");
        } else {
            List<ConfigFinding> findings = new ArrayList<>(configuration.findings(ConfigOrigin.COMPOSE));
            findings.addAll(configuration.findings(ConfigOrigin.DOCKER_RUN));
            findingTable(findings, "The audit of the run settings found nothing to fix.", html);
        }
        html.append("<h3>Image audit</h3>\n");
        if (configuration.checked(ConfigOrigin.IMAGE)) {
            findingTable(configuration.findings(ConfigOrigin.IMAGE),
                    "The audit of the image config, history and layers found nothing to fix.", html);
        } else {
            html.append("<p>Not audited: the image has no config or layers to read.</p>\n");
        }
    }

    private static void findingTable(List<ConfigFinding> findings, String none, StringBuilder html) {
        if (findings.isEmpty()) {
            html.append("<p>").append(escape(none)).append("</p>\n");
            return;
        }
        html.append("<table><tr><th>Rule</th><th>Severity</th><th>Where</th><th>Found</th><th>Fix</th></tr>\n");
        for (ConfigFinding finding : findings) {
            html.append("<tr><td>").append(escape(finding.ruleId())).append("</td><td>")
                    .append(finding.severity().label()).append("</td><td>")
                    .append(escape(finding.location())).append("</td><td>").append(escape(finding.message()))
                    .append("</td><td>").append(escape(finding.fix())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void riskTable(Overview overview, StringBuilder html) {
        html.append("<h2>Risk table</h2>\n<table><tr><th>Type</th><th>ID</th><th>Package</th><th>Severity</th>"
                + "<th>Risk level</th><th>Status</th></tr>\n");
        for (TriagedFinding triaged : overview.findings()) {
            html.append("<tr><td>").append(triaged.finding().pkg().type().name().toLowerCase(Locale.ROOT))
                    .append("</td><td>").append(escape(triaged.finding().id())).append("</td><td>")
                    .append(escape(triaged.finding().pkg().name())).append("</td><td>")
                    .append(triaged.finding().level().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(triaged.risk().level().label()).append("</td><td>").append(triaged.verdict().kind().label())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void advice(Overview overview, StringBuilder html) {
        html.append("<h2>Update advice</h2>\n");
        if (overview.advice().isEmpty()) {
            html.append("<p>No finding has a released fix to apply.</p>\n");
            return;
        }
        html.append("<ul>\n");
        overview.advice().forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
        html.append("</ul>\n");
    }

    private static void checklist(Overview overview, StringBuilder html) {
        html.append("<h2>Checklist</h2>\n<table><tr><th>Check</th><th>Status</th><th>Evidence</th><th>Fix</th></tr>\n");
        for (Check check : overview.checklist()) {
            html.append("<tr><td>").append(escape(check.name())).append("</td>").append(status(check.status()))
                    .append("<td>").append(escape(check.evidence())).append("</td><td>")
                    .append(check.status() == CheckStatus.FAILED && check.fix() != null ? escape(check.fix()) : "")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String status(CheckStatus status) {
        String label = status.name().toLowerCase(Locale.ROOT);
        return "<td class=\"" + label + "\">" + label + "</td>";
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
