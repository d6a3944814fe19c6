package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.EnvVar;
import dev.portcullis.audit.secrets.Redaction;
import dev.portcullis.audit.secrets.SecretDetector;
import dev.portcullis.audit.secrets.SecretMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags secrets written literally in environment values ({@link AuditRule#SECRET_IN_ENVIRONMENT}) and
 * secret defaults in compose interpolation such as {@code ${DB_PASSWORD:-postgres}}
 * ({@link AuditRule#SECRET_DEFAULT_VALUE}). Values taken from the caller's environment or an .env file
 * at run time are not literal and pass.
 */
record EnvironmentSecretCheck(AuditRule rule, SecretDetector secrets) implements ContainerCheck {

    @Override
    public List<Finding> check(ContainerSpec container) {
        List<Finding> findings = new ArrayList<>();
        for (EnvVar variable : container.environment()) {
            String written = variable.writtenText();
            if (written == null) {
                continue;
            }
            if (rule == AuditRule.SECRET_IN_ENVIRONMENT) {
                // A shell expands $VAR on a docker run line just as compose does, so references are not literal.
                String literal = Interpolations.literalText(written);
                secrets.inspectAssignment(variable.name(), literal).ifPresent(match -> findings.add(
                        Finding.of(rule, container.name(), variable.location(), "environment variable "
                                + variable.name() + " contains a literal " + match.kind() + " " + match.redacted())));
            } else if (variable.template() != null) {
                findings.addAll(defaults(container, variable));
            }
        }
        return findings;
    }

    private List<Finding> defaults(ContainerSpec container, EnvVar variable) {
        List<Finding> findings = new ArrayList<>();
        for (Interpolations.Default fallback : Interpolations.defaults(variable.template())) {
            String name = SecretDetector.isSecretName(fallback.variable()) ? fallback.variable() : variable.name();
            Optional<SecretMatch> match = secrets.inspectAssignment(name, fallback.value());
            match.ifPresent(m -> findings.add(Finding.of(rule, container.name(), variable.location(),
                    "environment variable " + variable.name() + " falls back to a " + m.kind() + " written in the file: ${"
                            + fallback.variable() + fallback.operator() + Redaction.redact(fallback.value()) + "}")));
        }
        return findings;
    }
}
