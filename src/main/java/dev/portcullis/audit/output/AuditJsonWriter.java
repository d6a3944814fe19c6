package dev.portcullis.audit.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.SourceLocation;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Writes the audit result as JSON.
 *
 * <pre>{@code
 * {"findings": [{"ruleId": "PC-A001", "severity": "critical", "title": "Container runs privileged",
 *                "subject": "web", "message": "...", "location": {"file": "compose.yaml", "line": 4,
 *                "column": 5}, "fix": "...", "references": ["CIS Docker 5.4"], "docs": "docs/rules/PC-A001.md"}],
 *  "warnings": [{"location": {...}, "message": "..."}],
 *  "summary": {"critical": 1, "high": 0, "medium": 0, "low": 0, "info": 0}}
 * }</pre>
 */
public final class AuditJsonWriter implements AuditWriter {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(AuditResult result, Writer out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : result.findings()) {
            ObjectNode node = findings.addObject();
            node.put("ruleId", finding.rule().id());
            node.put("severity", finding.severity().label());
            node.put("title", finding.rule().title());
            node.put("subject", finding.subject());
            node.put("message", finding.message());
            node.set("location", location(finding.location()));
            if (finding.layerIndex() >= 0) {
                node.put("layer", finding.layerIndex());
            }
            node.put("fix", finding.rule().fix());
            ArrayNode references = node.putArray("references");
            Arrays.stream(finding.rule().references().split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(references::add);
            node.put("docs", finding.rule().docsPath());
        }
        ArrayNode warnings = root.putArray("warnings");
        for (AuditWarning warning : result.warnings()) {
            ObjectNode node = warnings.addObject();
            node.set("location", location(warning.location()));
            node.put("message", warning.message());
        }
        ObjectNode summary = root.putObject("summary");
        for (Severity severity : Severity.values()) {
            summary.put(severity.label(), result.findings().stream().filter(f -> f.severity() == severity).count());
        }
        mapper.writeValue(out, root);
    }

    private ObjectNode location(SourceLocation location) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", location.file());
        if (location.hasLine()) {
            node.put("line", location.line());
            node.put("column", location.column());
        }
        return node;
    }
}
