package dev.portcullis.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.match.Finding;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.sbom.SbomPackages;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.RiskAdjustment;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.Verdict;
import dev.portcullis.triage.vex.VexStatement;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a triaged scan in the Portcullis JSON format, version 1: the inventory document with its
 * findings that {@link InventoryJsonWriter} writes, a {@code triage} object on each finding (verdict,
 * risk and evidence) and {@code statements} (VEX statements that matched nothing, expired decisions).
 * {@code docs/json-format.md} describes the fields, and {@link InventoryJsonWriter#SCHEMA_RESOURCE}
 * validates them.
 */
public final class TriageJsonWriter implements TriageWriter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void write(Inventory inventory, TriageResult result, OutputStream out) throws IOException {
        out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document(inventory, result)));
        out.write('\n');
        out.flush();
    }

    public ObjectNode document(Inventory inventory, TriageResult result) {
        List<TriagedFinding> sorted = result.findings().stream()
                .sorted(Comparator.comparing((TriagedFinding t) -> t.finding().pkg(), SbomPackages.ORDER)
                        .thenComparing(t -> t.finding().id()))
                .toList();
        List<Finding> findings = sorted.stream().map(TriagedFinding::finding).toList();
        ObjectNode root = json.valueToTree(InventoryJsonMapper.toJson(inventory, findings));
        // The inventory format sorts findings the same way, so entry i belongs to sorted.get(i).
        JsonNode entries = root.path("findings");
        for (int i = 0; i < entries.size(); i++) {
            ((ObjectNode) entries.get(i)).set("triage", triage(sorted.get(i)));
        }
        ObjectNode statements = root.putObject("statements");
        ArrayNode unmatched = statements.putArray("unmatched");
        result.unmatchedStatements().forEach(statement -> unmatched.add(statement(statement)));
        ArrayNode expired = statements.putArray("expiredDecisions");
        result.expiredDecisions().forEach(statement -> expired.add(statement(statement)));
        return root;
    }

    private ObjectNode triage(TriagedFinding triaged) {
        ObjectNode node = json.createObjectNode();
        node.set("verdict", verdict(triaged.verdict()));
        ObjectNode risk = node.putObject("risk");
        risk.put("level", triaged.risk().level().label());
        ArrayNode adjustments = risk.putArray("adjustments");
        for (RiskAdjustment step : triaged.risk().adjustments()) {
            ObjectNode adjustment = adjustments.addObject();
            adjustment.put("rule", step.rule());
            adjustment.put("from", step.from() == null ? null : step.from().label());
            adjustment.put("to", step.to().label());
            adjustment.put("reason", step.reason());
        }
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence item : triaged.evidence()) {
            ObjectNode fact = evidence.addObject();
            fact.put("kind", item.kind().name().toLowerCase(Locale.ROOT));
            fact.put("source", item.source());
            fact.put("fact", item.fact());
            ObjectNode details = fact.putObject("details");
            item.details().forEach(details::put);
            fact.put("decided", item.decided());
        }
        node.put("advice", triaged.advice());
        return node;
    }

    private ObjectNode verdict(Verdict verdict) {
        ObjectNode node = json.createObjectNode();
        node.put("status", verdict.kind().label());
        node.put("reason", verdict.reason());
        node.putNull("justification");
        node.putNull("pendingReason");
        node.putNull("lowRiskBasis");
        switch (verdict) {
            case Verdict.NotAffected notAffected -> node.put("justification",
                    notAffected.justification() == null ? null : notAffected.justification().label());
            case Verdict.UpstreamPending pending -> node.put("pendingReason", pending.pending().text());
            case Verdict.LowRisk lowRisk -> node.put("lowRiskBasis", lowRisk.fromDistro() ? "distro" : "context");
            case Verdict.Affected affected -> { }
            case Verdict.AlreadyPatched patched -> { }
        }
        return node;
    }

    private ObjectNode statement(VexStatement statement) {
        ObjectNode node = json.createObjectNode();
        node.put("document", statement.document());
        node.put("author", statement.author());
        strings(node.putArray("vulnerabilities"), statement.vulnerabilities());
        node.put("status", statement.status().name().toLowerCase(Locale.ROOT));
        node.put("expires", statement.expires() == null ? null : statement.expires().toString());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
