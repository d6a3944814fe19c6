package dev.portcullis.audit.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.SourceLocation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the audit result as SARIF 2.1.0: one run, the rules that fired in {@code tool.driver.rules}, each
 * finding as a result with its file and, for text inputs, a region with the start line and column, and
 * input warnings as tool execution notifications. Severity maps to level: critical and high to
 * {@code error}, medium to {@code warning}, low and info to {@code note}.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class AuditSarifWriter implements AuditWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(AuditResult result, Writer out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");

        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "portcullis");

        List<AuditRule> rules = new ArrayList<>();
        result.findings().stream().map(Finding::rule).distinct().sorted().forEach(rules::add);
        ArrayNode ruleNodes = driver.putArray("rules");
        for (AuditRule rule : rules) {
            ObjectNode node = ruleNodes.addObject();
            node.put("id", rule.id());
            node.put("name", rule.name());
            node.putObject("shortDescription").put("text", rule.title());
            node.putObject("help").put("text", rule.fix());
            node.putObject("defaultConfiguration").put("level", level(rule.severity()));
            ObjectNode properties = node.putObject("properties");
            properties.put("references", rule.references());
            // helpUri must be an absolute URI, so the page path inside the repository goes into a property.
            properties.put("docs", rule.docsPath());
        }

        ArrayNode results = run.putArray("results");
        for (Finding finding : result.findings()) {
            ObjectNode node = results.addObject();
            node.put("ruleId", finding.rule().id());
            node.put("ruleIndex", rules.indexOf(finding.rule()));
            node.put("level", level(finding.severity()));
            node.putObject("message").put("text", finding.message());
            node.putArray("locations").addObject().set("physicalLocation", physicalLocation(finding.location()));
            ObjectNode properties = node.putObject("properties");
            properties.put("severity", finding.severity().label());
            properties.put("subject", finding.subject());
            if (finding.layerIndex() >= 0) {
                properties.put("layer", finding.layerIndex());
            }
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (AuditWarning warning : result.warnings()) {
            ObjectNode node = notifications.addObject();
            node.put("level", "warning");
            node.putObject("message").put("text", warning.message());
            node.putArray("locations").addObject().set("physicalLocation", physicalLocation(warning.location()));
        }
        mapper.writeValue(out, root);
    }

    private ObjectNode physicalLocation(SourceLocation location) {
        ObjectNode node = mapper.createObjectNode();
        node.putObject("artifactLocation").put("uri", location.file());
        if (location.hasLine()) {
            ObjectNode region = node.putObject("region");
            region.put("startLine", location.line());
            if (location.column() > 0) {
                region.put("startColumn", location.column());
            }
        }
        return node;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
