package dev.portcullis.lint.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintResult;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders findings as JSON. Example:
 *
 * <pre>
 * {"files":[{"file":"Dockerfile","findings":[{"rule":"PC-D008","hadolint":"DL3008","cis":null,
 *   "severity":"warning","message":"...","line":3,"column":1,"endLine":4,"endColumn":20}]}]}
 * </pre>
 */
public final class JsonFormatter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String format(List<LintResult> results) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (LintResult result : results) {
            ObjectNode file = files.addObject();
            file.put("file", result.file());
            ArrayNode findings = file.putArray("findings");
            for (Finding finding : result.findings()) {
                ObjectNode node = findings.addObject();
                node.put("rule", finding.rule().id());
                node.put("hadolint", finding.rule().hadolintId().orElse(null));
                node.put("cis", finding.rule().cisId().orElse(null));
                node.put("severity", finding.severity().label());
                node.put("message", finding.message());
                node.put("line", finding.range().startLine());
                node.put("column", finding.range().startColumn());
                node.put("endLine", finding.range().endLine());
                node.put("endColumn", finding.range().endColumn());
            }
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
