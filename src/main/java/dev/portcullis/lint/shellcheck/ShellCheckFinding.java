package dev.portcullis.lint.shellcheck;

import dev.portcullis.lint.RuleInfo;
import dev.portcullis.lint.Severity;
import dev.portcullis.lint.dockerfile.SourceRange;
import java.util.Optional;

/**
 * One ShellCheck comment mapped back to the Dockerfile.
 *
 * @param script the index of the script in the list given to {@link ShellCheck#check}
 * @param code the ShellCheck code, for example {@code SC2086}
 * @param severity ShellCheck's level as a lint severity
 * @param message ShellCheck's message
 * @param range where the finding sits in the Dockerfile
 * @param instruction the RUN instruction holding it, where ignore comments apply
 */
public record ShellCheckFinding(int script, String code, Severity severity, String message, SourceRange range, SourceRange instruction) {

    /**
     * Returns the rule description of the code. The Hadolint id is the code itself, because Hadolint
     * reports ShellCheck codes unchanged and its ignore comments name them so.
     */
    public RuleInfo rule() {
        return new RuleInfo(code, Optional.of(code), Optional.empty(), Optional.empty(), severity,
                "ShellCheck " + code + ": " + message, true);
    }

    /** Maps ShellCheck's level names (error, warning, info, style) to severities. */
    static Severity severity(String level) {
        return switch (level) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "info" -> Severity.INFO;
            default -> Severity.STYLE;
        };
    }
}
