package dev.portcullis.lint.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintResult;
import dev.portcullis.lint.Severity;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Renders findings as a GitLab code quality report, so merge requests show them. Example:
 *
 * <pre>
 * [{"description":"PC-D008: Pin versions in apt-get install ...","check_name":"PC-D008",
 *   "fingerprint":"3f1c...","severity":"major","location":{"path":"Dockerfile","lines":{"begin":3}}}]
 * </pre>
 *
 * <p>The fingerprint is the SHA-256 of the path, rule id, message and line, plus a counter when the
 * same finding repeats, so GitLab can match findings between pipelines.
 *
 * @see <a href="https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format">GitLab code quality report format</a>
 */
public final class GitLabFormatter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String format(List<LintResult> results) {
        ArrayNode root = JSON.createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (LintResult result : results) {
            String path = result.file().replace('\\', '/');
            for (Finding finding : result.findings()) {
                String key = path + "\n" + finding.rule().id() + "\n" + finding.message() + "\n" + finding.range().startLine();
                int occurrence = seen.merge(key, 1, Integer::sum);
                ObjectNode issue = root.addObject();
                issue.put("description", finding.rule().id() + ": " + finding.message());
                issue.put("check_name", finding.rule().id());
                issue.put("fingerprint", sha256(occurrence == 1 ? key : key + "\n" + occurrence));
                issue.put("severity", severity(finding.severity()));
                ObjectNode location = issue.putObject("location");
                location.put("path", path);
                location.putObject("lines").put("begin", finding.range().startLine());
            }
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps severities onto GitLab's scale (info, minor, major, critical, blocker); no lint finding is a blocker. */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "minor";
            case STYLE -> "info";
        };
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
