package dev.portcullis.lint.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintResult;
import dev.portcullis.lint.RuleHelp;
import dev.portcullis.lint.RuleInfo;
import dev.portcullis.lint.Severity;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders findings as one SARIF 2.1.0 run, so code-scanning services can show them on the lines.
 * Every rule of the catalog is listed in {@code tool.driver.rules} with its help text and the address
 * of its page, followed by the ShellCheck codes the results use. Each result points at its rule by
 * index and marks its region.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class SarifFormatter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<RuleInfo> rules;
    private final String version;

    /**
     * @param rules the rules to describe in the tool section
     * @param version the Portcullis version written as the driver version
     */
    public SarifFormatter(List<RuleInfo> rules, String version) {
        this.rules = List.copyOf(rules);
        this.version = version;
    }

    public String format(List<LintResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        List<String> ids = writeDriver(run.putObject("tool").putObject("driver"), results);

        ArrayNode resultNodes = run.putArray("results");
        for (LintResult result : results) {
            for (Finding finding : result.findings()) {
                writeResult(resultNodes.addObject(), result.file(), finding, ids);
            }
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the tool description and returns the rule ids in the order of their indexes. */
    private List<String> writeDriver(ObjectNode driver, List<LintResult> results) {
        driver.put("name", "portcullis");
        driver.put("version", version);
        driver.put("informationUri", RuleHelp.DOCS_BASE_URI + "README.md");
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, RuleInfo> described = new LinkedHashMap<>();
        rules.forEach(rule -> described.put(rule.id(), rule));
        results.stream().flatMap(result -> result.findings().stream()).map(Finding::rule)
                .forEach(rule -> described.putIfAbsent(rule.id(), rule));
        List<String> ids = new ArrayList<>();
        for (RuleInfo rule : described.values()) {
            ids.add(rule.id());
            ObjectNode node = ruleNodes.addObject();
            node.put("id", rule.id());
            node.putObject("shortDescription").put("text", rule.title());
            node.put("helpUri", RuleHelp.uri(rule.id()));
            node.putObject("help").put("text", helpText(rule));
            node.putObject("defaultConfiguration").put("level", level(rule.severity()));
            ObjectNode properties = node.putObject("properties");
            rule.hadolintId().ifPresent(id -> properties.put("hadolint", id));
            rule.cisId().ifPresent(id -> properties.put("cis-docker-benchmark", id));
        }
        return ids;
    }

    private static String helpText(RuleInfo rule) {
        return RuleHelp.of(rule.id()).map(help -> help.why() + " " + help.fix())
                .orElse(rule.title() + " See " + RuleHelp.uri(rule.id()) + ".");
    }

    private static void writeResult(ObjectNode node, String file, Finding finding, List<String> ids) {
        node.put("ruleId", finding.rule().id());
        if (ids.contains(finding.rule().id())) {
            node.put("ruleIndex", ids.indexOf(finding.rule().id()));
        }
        node.put("level", level(finding.severity()));
        node.putObject("message").put("text", finding.message());
        ObjectNode location = node.putArray("locations").addObject().putObject("physicalLocation");
        location.putObject("artifactLocation").put("uri", file.replace('\\', '/'));
        ObjectNode region = location.putObject("region");
        region.put("startLine", finding.range().startLine());
        region.put("startColumn", finding.range().startColumn());
        region.put("endLine", finding.range().endLine());
        // SARIF end columns are exclusive, while SourceRange's are inclusive.
        region.put("endColumn", finding.range().endColumn() + 1);
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "note";
        };
    }
}
