package dev.portcullis.audit;

import java.util.Objects;

/**
 * One audit finding: a rule that a container, image or daemon setting breaks.
 *
 * @param rule the broken rule, which carries the id, title, fix and cross-references
 * @param severity the severity of this finding, usually the rule's default
 * @param subject what the finding is about: a compose service name, {@code container} for a docker run
 *     command line, {@code daemon}, or an image reference
 * @param message what was found, with every secret value already redacted
 * @param location where the setting was written
 * @param layerIndex the image layer the finding comes from, or -1 when it is not about a layer
 */
public record Finding(
        AuditRule rule, Severity severity, String subject, String message, SourceLocation location, int layerIndex) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
    }

    public static Finding of(AuditRule rule, String subject, SourceLocation location, String message) {
        return new Finding(rule, rule.severity(), subject, message, location, -1);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, subject, message, location, layerIndex);
    }

    public Finding inLayer(int index) {
        return new Finding(rule, severity, subject, message, location, index);
    }
}
