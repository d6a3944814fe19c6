package dev.portcullis.lint;

import java.util.Optional;

/**
 * What a lint rule is: our id, the matching Hadolint and CIS Docker Benchmark ids, and its default.
 *
 * @param id our id, for example {@code PC-D008}
 * @param hadolintId the Hadolint rule with the same meaning, for example {@code DL3008}, if any
 * @param cisId the CIS Docker Benchmark recommendation, for example {@code 4.1}, if any
 * @param buildkitName the name of BuildKit's {@code docker build --check} rule with the same meaning, if any
 * @param severity the default severity
 * @param title one sentence stating what the rule requires
 * @param enabledByDefault false for rules a user turns on in the configuration
 */
public record RuleInfo(String id, Optional<String> hadolintId, Optional<String> cisId, Optional<String> buildkitName,
        Severity severity, String title, boolean enabledByDefault) {

    /** Returns true when the id names this rule, as our id, its Hadolint id or its BuildKit check name. */
    public boolean matches(String anyId) {
        return id.equalsIgnoreCase(anyId) || hadolintId.map(anyId::equalsIgnoreCase).orElse(false)
                || buildkitName.map(anyId::equalsIgnoreCase).orElse(false);
    }
}
