package dev.portcullis.audit.imageconfig;

import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.imageconfig.HistoryAssignments.Assignment;
import dev.portcullis.audit.secrets.SecretDetector;
import dev.portcullis.image.HistoryEntry;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audits an image config: the user it runs as, debugger ports it exposes, a missing HEALTHCHECK, secrets
 * in ENV and labels, and secrets that build arguments and RUN steps left in the history.
 */
public final class ImageConfigAuditor {

    private static final List<Integer> DEBUGGER_PORTS = List.of(9229, 5005);

    private final SecretDetector secrets;

    public ImageConfigAuditor(SecretDetector secrets) {
        this.secrets = secrets;
    }

    public AuditResult audit(ImageMetadata image) {
        ImageConfig config = image.config();
        String subject = image.reference();
        SourceLocation at = SourceLocation.of(subject);
        List<Finding> findings = new ArrayList<>();

        String user = config.user() == null ? "" : config.user().trim();
        String userName = user.split(":", 2)[0];
        if (userName.isEmpty() || userName.equals("root") || userName.equals("0")) {
            findings.add(Finding.of(AuditRule.RUNS_AS_ROOT, subject, at, user.isEmpty()
                    ? "the image sets no USER, so it runs as root" : "the image runs as USER " + user));
        }

        for (String port : config.exposedPorts()) {
            String number = port.split("/", 2)[0];
            if (DEBUGGER_PORTS.stream().anyMatch(p -> String.valueOf(p).equals(number))) {
                findings.add(Finding.of(AuditRule.DEBUGGER_PORT, subject, at, "the image exposes debugger port " + port));
            }
        }

        if (config.healthcheck() == null || isNone(config.healthcheck().test())) {
            findings.add(Finding.of(AuditRule.NO_HEALTHCHECK, subject, at, config.healthcheck() == null
                    ? "the image has no HEALTHCHECK" : "the image switches its HEALTHCHECK off"));
        }

        Set<String> configEnv = new HashSet<>(config.env());
        for (String variable : config.env()) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                String name = variable.substring(0, equals);
                secrets.inspectAssignment(name, variable.substring(equals + 1)).ifPresent(m -> findings.add(
                        Finding.of(AuditRule.SECRET_IN_ENVIRONMENT, subject, at,
                                "image ENV " + name + " contains a " + m.kind() + " " + m.redacted())));
            }
        }

        for (Map.Entry<String, String> label : config.labels().entrySet()) {
            secrets.inspectAssignment(label.getKey(), label.getValue()).ifPresent(m -> findings.add(
                    Finding.of(AuditRule.SECRET_IN_ENVIRONMENT, subject, at,
                            "image label " + label.getKey() + " contains a " + m.kind() + " " + m.redacted())));
        }

        for (HistoryEntry step : config.history()) {
            findings.addAll(historySecrets(subject, at, step, configEnv));
        }
        return new AuditResult(findings, List.of());
    }

    private List<Finding> historySecrets(String subject, SourceLocation at, HistoryEntry step, Set<String> configEnv) {
        List<Finding> findings = new ArrayList<>();
        for (Assignment assignment : HistoryAssignments.read(step.createdBy())) {
            // An ENV step whose value is still in the config is already reported as an ENV secret.
            if (assignment.kind() == HistoryAssignments.Kind.ENV
                    && configEnv.contains(assignment.name() + "=" + assignment.value())) {
                continue;
            }
            secrets.inspectAssignment(assignment.name(), assignment.value()).ifPresent(m -> {
                String where = step.layerIndex() >= 0 ? "layer " + step.layerIndex() : "an empty-layer step";
                Finding finding = Finding.of(AuditRule.SECRET_IN_BUILD_HISTORY, subject, at,
                        describe(assignment.kind()) + " " + assignment.name() + " in the history of " + where
                                + " contains a " + m.kind() + " " + m.redacted());
                findings.add(step.layerIndex() >= 0 ? finding.inLayer(step.layerIndex()) : finding);
            });
        }
        return findings;
    }

    private static String describe(HistoryAssignments.Kind kind) {
        return switch (kind) {
            case BUILD_ARG -> "build argument";
            case ENV -> "ENV";
            case ARG -> "ARG default";
            case RUN -> "RUN variable";
        };
    }

    private static boolean isNone(List<String> test) {
        return test != null && !test.isEmpty() && test.getFirst().equalsIgnoreCase("NONE");
    }
}
