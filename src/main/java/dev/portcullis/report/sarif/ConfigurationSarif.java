package dev.portcullis.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.audit.Severity;
import dev.portcullis.report.config.ConfigFinding;
import dev.portcullis.report.config.ConfigOrigin;
import dev.portcullis.report.config.ConfigurationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the configuration findings of a scan to the SARIF run that {@link SarifWriter} writes, so one
 * upload carries the vulnerabilities and the lint and audit findings under one tool. Each lint or audit
 * rule that fired joins {@code tool.driver.rules} with its help address and fix, and each finding becomes
 * a result at its Dockerfile or compose file line, or at the file inside the image. A docker run line and
 * the image config have no file, so those results carry a logical location that names them.
 *
 * <p>Severity maps to level as {@code portcullis audit} maps it: critical and high to {@code error},
 * medium to {@code warning}, low and info to {@code note}.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class ConfigurationSarif {

    /** Appends the rules and results of {@code report} to {@code run}, a run of {@link SarifWriter#document}. */
    public void addTo(ObjectNode run, ConfigurationReport report) {
        ArrayNode rules = (ArrayNode) run.path("tool").path("driver").path("rules");
        ArrayNode results = (ArrayNode) run.path("results");
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));
        for (ConfigFinding finding : report.findings()) {
            if (!ids.contains(finding.ruleId())) {
                ids.add(finding.ruleId());
                rule(rules.addObject(), finding);
            }
            result(results.addObject(), finding, ids.indexOf(finding.ruleId()));
        }
    }

    private static void rule(ObjectNode node, ConfigFinding finding) {
        node.put("id", finding.ruleId());
        node.putObject("shortDescription").put("text", finding.title());
        node.put("helpUri", finding.helpUri());
        node.putObject("help").put("text", finding.fix() != null ? finding.fix()
                : finding.title() + " See " + finding.helpUri() + ".");
        ObjectNode properties = node.putObject("properties");
        ArrayNode references = properties.putArray("references");
        finding.references().forEach(references::add);
        properties.put("origin", finding.origin().label());
    }

    private static void result(ObjectNode node, ConfigFinding finding, int ruleIndex) {
        node.put("ruleId", finding.ruleId());
        node.put("ruleIndex", ruleIndex);
        node.put("kind", "fail");
        node.put("level", level(finding.severity()));
        node.putObject("message").put("text", finding.message());

        location(node.putArray("locations").addObject(), finding);

        ObjectNode properties = node.putObject("properties");
        properties.put("origin", finding.origin().label());
        properties.put("severity", finding.severity().label());
        properties.put("toolSeverity", finding.toolSeverity());
        if (finding.subject() != null) {
            properties.put("subject", finding.subject());
        }
        if (finding.layer() >= 0) {
            properties.put("layer", finding.layer());
        }
    }

    /** Writes the file and line, the path inside the image, or for a docker run line or image config a name. */
    private static void location(ObjectNode location, ConfigFinding finding) {
        boolean noFile = finding.origin() == ConfigOrigin.DOCKER_RUN
                || finding.origin() == ConfigOrigin.IMAGE && !finding.isPathInImage();
        if (noFile) {
            location.putArray("logicalLocations").addObject()
                    .put("fullyQualifiedName", finding.file())
                    .put("kind", "resource");
            return;
        }
        ObjectNode physical = location.putObject("physicalLocation");
        String uri = finding.isPathInImage() && finding.file().startsWith("/") ? finding.file().substring(1)
                : finding.file().replace('\\', '/');
        physical.putObject("artifactLocation").put("uri", uri);
        if (finding.hasLine()) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", finding.line());
            if (finding.column() > 0) {
                region.put("startColumn", finding.column());
            }
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
