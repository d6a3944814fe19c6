package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.EnvVar;
import dev.portcullis.audit.secrets.SecretDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Flags a password variable set to an empty literal, an {@code *_ALLOW_EMPTY_PASSWORD} switch that is on
 * (MySQL and MariaDB images), and {@code POSTGRES_HOST_AUTH_METHOD=trust} (the postgres image).
 */
final class EmptyPasswordCheck implements ContainerCheck {

    private static final Set<String> TRUE_WORDS = Set.of("yes", "true", "1", "on");

    @Override
    public AuditRule rule() {
        return AuditRule.EMPTY_PASSWORD;
    }

    @Override
    public List<Finding> check(ContainerSpec container) {
        List<Finding> findings = new ArrayList<>();
        for (EnvVar variable : container.environment()) {
            String written = variable.writtenText();
            if (written == null) {
                continue;
            }
            String name = variable.name().toUpperCase(Locale.ROOT);
            String value = written.trim().toLowerCase(Locale.ROOT);
            String reason = null;
            if (name.endsWith("ALLOW_EMPTY_PASSWORD") && TRUE_WORDS.contains(value)) {
                reason = variable.name() + "=" + written + " allows an empty password";
            } else if (name.equals("POSTGRES_HOST_AUTH_METHOD") && value.equals("trust")) {
                reason = "POSTGRES_HOST_AUTH_METHOD=trust lets clients connect without a password";
            } else if (value.isEmpty() && SecretDetector.isPasswordName(variable.name())) {
                reason = "password variable " + variable.name() + " is set to an empty value";
            }
            if (reason != null) {
                findings.add(Finding.of(rule(), container.name(), variable.location(), reason));
            }
        }
        return findings;
    }
}
