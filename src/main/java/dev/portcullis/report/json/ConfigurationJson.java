package dev.portcullis.report.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.image.Skipped;
import dev.portcullis.report.config.ConfigFinding;
import dev.portcullis.report.config.ConfigInput;
import dev.portcullis.report.config.ConfigurationReport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Maps the configuration section of a scan report to JSON, the {@code configuration} object that
 * {@code docs/json-format.md} describes.
 *
 * <pre>{@code
 * {"checked": [{"origin": "dockerfile", "name": "Dockerfile"}, {"origin": "image", "name": "oci:app"}],
 *  "findings": [{"origin": "dockerfile", "ruleId": "PC-D001", "title": "...", "severity": "medium",
 *                "toolSeverity": "warning", "references": ["Hadolint DL3002"], "subject": null,
 *                "message": "...", "location": {"file": "Dockerfile", "line": 3, "column": 1},
 *                "layer": null, "fix": "...", "helpUri": "https://..."}],
 *  "skipped": [{"location": "...", "reason": "..."}],
 *  "summary": {"critical": 0, "high": 0, "medium": 1, "low": 0, "info": 0}}
 * }</pre>
 */
public final class ConfigurationJson {

    private final ObjectMapper json = new ObjectMapper();

    /** Sets {@code report} as the {@code configuration} field of a scan document and writes the document. */
    public void write(ObjectNode document, ConfigurationReport report, OutputStream out) throws IOException {
        document.set("configuration", toJson(report));
        out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        out.write('\n');
        out.flush();
    }

    public ObjectNode toJson(ConfigurationReport report) {
        ObjectNode root = json.createObjectNode();
        ArrayNode checked = root.putArray("checked");
        for (ConfigInput input : report.checked()) {
            checked.addObject().put("origin", input.origin().label()).put("name", input.name());
        }
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(finding -> findings.add(finding(finding)));
        ArrayNode skipped = root.putArray("skipped");
        for (Skipped item : report.skipped()) {
            skipped.addObject().put("location", item.location()).put("reason", item.reason());
        }
        ObjectNode summary = root.putObject("summary");
        report.countBySeverity().forEach((severity, count) -> summary.put(severity.label(), count));
        return root;
    }

    private ObjectNode finding(ConfigFinding finding) {
        ObjectNode node = json.createObjectNode();
        node.put("origin", finding.origin().label());
        node.put("ruleId", finding.ruleId());
        node.put("title", finding.title());
        node.put("severity", finding.severity().label());
        node.put("toolSeverity", finding.toolSeverity());
        ArrayNode references = node.putArray("references");
        finding.references().forEach(references::add);
        node.put("subject", finding.subject());
        node.put("message", finding.message());
        ObjectNode location = node.putObject("location");
        location.put("file", finding.file());
        location.put("line", finding.hasLine() ? finding.line() : null);
        location.put("column", finding.column() > 0 ? finding.column() : null);
        node.put("layer", finding.layer() >= 0 ? finding.layer() : null);
        node.put("fix", finding.fix());
        node.put("helpUri", finding.helpUri());
        return node;
    }
}
