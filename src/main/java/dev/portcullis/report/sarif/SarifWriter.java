package dev.portcullis.report.sarif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.VerdictKind;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes triaged findings as SARIF 2.1.0: one rule per vulnerability id and one result per finding,
 * located at the file that declared the package. The SARIF level follows the risk level (critical and
 * high: {@code error}, medium: {@code warning}, low and minimal: {@code note}); proven verdicts
 * (not affected, already patched) are results of kind {@code pass} with level {@code none}. Each
 * result's properties hold the verdict, the risk level with its adjustments, and the evidence.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class SarifWriter implements TriageWriter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void write(Inventory inventory, TriageResult result, OutputStream out) throws IOException {
        out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document(inventory, result)));
        out.write('\n');
        out.flush();
    }

    public ObjectNode document(Inventory inventory, TriageResult result) {
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "portcullis");
        if (inventory.toolVersion() != null) {
            driver.put("version", inventory.toolVersion());
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode results = run.putArray("results");
        for (TriagedFinding triaged : result.findings()) {
            String id = triaged.finding().id();
            Integer index = ruleIndex.get(id);
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(id, index);
                ObjectNode rule = rules.addObject();
                rule.put("id", id);
                rule.putObject("shortDescription").put("text",
                        triaged.finding().summary() != null ? triaged.finding().summary() : id);
            }
            results.add(result(triaged, index));
        }
        return root;
    }

    private ObjectNode result(TriagedFinding triaged, int ruleIndex) {
        ObjectNode result = json.createObjectNode();
        result.put("ruleId", triaged.finding().id());
        result.put("ruleIndex", ruleIndex);
        boolean proven = triaged.verdict().kind() == VerdictKind.NOT_AFFECTED
                || triaged.verdict().kind() == VerdictKind.ALREADY_PATCHED;
        result.put("kind", proven ? "pass" : "fail");
        result.put("level", proven ? "none" : level(triaged));

        String pkg = triaged.finding().pkg().name() + " " + triaged.finding().installedVersion();
        result.putObject("message").put("text", triaged.finding().id() + " in " + pkg + ": "
                + triaged.verdict().kind().label() + ", risk " + triaged.risk().level().label() + ". "
                + triaged.verdict().reason() + (triaged.advice() != null ? ". Advice: " + triaged.advice() : ""));
        ArrayNode locations = result.putArray("locations");
        for (String location : triaged.finding().pkg().locations()) {
            locations.addObject().putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", location.startsWith("/") ? location.substring(1) : location);
        }

        ObjectNode properties = result.putObject("properties");
        properties.put("verdict", triaged.verdict().kind().label());
        properties.put("verdictReason", triaged.verdict().reason());
        properties.put("risk", triaged.risk().level().label());
        properties.put("purl", triaged.finding().pkg().purl());
        ArrayNode adjustments = properties.putArray("riskAdjustments");
        triaged.risk().adjustments().forEach(step -> adjustments.add(step.reason()));
        ArrayNode evidence = properties.putArray("evidence");
        for (Evidence item : triaged.evidence()) {
            ObjectNode node = evidence.addObject();
            node.put("kind", item.kind().name().toLowerCase(java.util.Locale.ROOT));
            node.put("source", item.source());
            node.put("fact", item.fact());
            node.put("decided", item.decided());
        }
        return result;
    }

    private static String level(TriagedFinding triaged) {
        return switch (triaged.risk().level()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, MINIMAL -> "note";
        };
    }
}
