package dev.portcullis.report.config;

import dev.portcullis.audit.Finding;
import dev.portcullis.audit.Severity;
import dev.portcullis.lint.RuleHelp;
import dev.portcullis.lint.RuleInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One finding of the Dockerfile lint or the runtime and image audit, in the shape the scan report
 * writes next to the vulnerability findings.
 *
 * <p>Lint and audit rate on different scales, so {@code severity} puts lint findings on the audit's
 * scale: error is high, warning is medium, info is low and style is info. {@code toolSeverity} keeps the
 * word the rule's own command prints.
 *
 * @param origin the input the finding was read from
 * @param ruleId the rule id, for example {@code PC-D001} or {@code PC-A005}
 * @param title what the rule requires or reports, in one line
 * @param severity the severity on the audit's scale, which {@code --fail-on-config} compares
 * @param toolSeverity the severity as {@code portcullis lint} or {@code portcullis audit} prints it
 * @param references cross-references such as {@code CIS Docker 5.12} or {@code Hadolint DL3002}
 * @param subject the compose service, {@code container} for a docker run line, the image reference, or
 *     null for a Dockerfile
 * @param message what was found, with every secret value redacted by the rule that found it
 * @param file the Dockerfile or compose file, {@code --docker-run}, the image reference, or a path inside
 *     the image for a layer finding
 * @param line the 1-based line, or 0 when the input has no lines
 * @param column the 1-based column, or 0 when unknown
 * @param layer the index of the image layer the finding comes from, or -1 when it is not about a layer
 * @param fix how to fix it, or null when the rule has no written fix
 * @param helpUri the address of the rule's page
 */
public record ConfigFinding(ConfigOrigin origin, String ruleId, String title, Severity severity, String toolSeverity,
        List<String> references, String subject, String message, String file, int line, int column, int layer,
        String fix, String helpUri) {

    public ConfigFinding {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        references = List.copyOf(references);
    }

    /** Converts an audit finding of a compose file, docker run line or image. */
    public static ConfigFinding ofAudit(ConfigOrigin origin, Finding finding) {
        List<String> references = Arrays.stream(finding.rule().references().split(";"))
                .map(String::strip).filter(text -> !text.isEmpty()).toList();
        return new ConfigFinding(origin, finding.rule().id(), finding.rule().title(), finding.severity(),
                finding.severity().label(), references, finding.subject(), finding.message(),
                finding.location().file(), finding.location().line(), finding.location().column(), finding.layerIndex(),
                finding.rule().fix(), RuleHelp.uri(finding.rule().id()));
    }

    /** Converts a Dockerfile lint finding. */
    public static ConfigFinding ofLint(dev.portcullis.lint.Finding finding) {
        RuleInfo rule = finding.rule();
        List<String> references = new ArrayList<>();
        rule.cisId().ifPresent(id -> references.add("CIS Docker " + id));
        rule.hadolintId().ifPresent(id -> references.add("Hadolint " + id));
        rule.buildkitName().ifPresent(name -> references.add("BuildKit check " + name));
        String fix = RuleHelp.of(rule.id()).map(RuleHelp::fix).orElse(null);
        return new ConfigFinding(ConfigOrigin.DOCKERFILE, rule.id(), rule.title(), onAuditScale(finding.severity()),
                finding.severity().label(), references, null, finding.message(), finding.file(),
                finding.range().startLine(), finding.range().startColumn(), -1, fix, RuleHelp.uri(rule.id()));
    }

    /** Maps a lint severity onto the audit's scale, keeping the order of the lint scale. */
    static Severity onAuditScale(dev.portcullis.lint.Severity severity) {
        return switch (severity) {
            case ERROR -> Severity.HIGH;
            case WARNING -> Severity.MEDIUM;
            case INFO -> Severity.LOW;
            case STYLE -> Severity.INFO;
        };
    }

    /** Returns true when {@code file} is a path inside the image, as for a setuid file or a key in a layer. */
    public boolean isPathInImage() {
        // Image audit findings about the config or history name the image itself, which is also the subject.
        return origin == ConfigOrigin.IMAGE && !file.equals(subject);
    }

    public boolean hasLine() {
        return line > 0;
    }

    /** Returns {@code file:line} when the line is known, with the layer for a layer finding. */
    public String location() {
        String where = hasLine() ? file + ":" + line : file;
        return layer >= 0 ? where + " (layer " + layer + ")" : where;
    }
}
