package dev.portcullis.lint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of a lint run, usually read from {@code .portcullis.yaml} by {@link LintConfigLoader}.
 *
 * @param ruleSwitches rules turned on (true) or off (false), keyed by our id or the Hadolint id
 * @param severities severity overrides, keyed by our id or the Hadolint id
 * @param trustedRegistries registries FROM may pull from; empty means any. {@code *.example.com} matches subdomains
 * @param requiredLabels labels each image must set, with the format of their values
 * @param strictLabels true to also report labels that are not in {@code requiredLabels}
 */
public record LintConfig(Map<String, Boolean> ruleSwitches, Map<String, Severity> severities,
        List<String> trustedRegistries, Map<String, LabelType> requiredLabels, boolean strictLabels) {

    public LintConfig {
        ruleSwitches = Map.copyOf(ruleSwitches);
        severities = Map.copyOf(severities);
        trustedRegistries = List.copyOf(trustedRegistries);
        requiredLabels = Map.copyOf(requiredLabels);
    }

    /** Returns the configuration with no overrides. */
    public static LintConfig defaults() {
        return new LintConfig(Map.of(), Map.of(), List.of(), Map.of(), false);
    }

    /** Returns true when the rule runs: an explicit switch wins over the rule's default. */
    public boolean enabled(RuleInfo rule) {
        return switchFor(rule).orElse(rule.enabledByDefault());
    }

    private Optional<Boolean> switchFor(RuleInfo rule) {
        return ruleSwitches.entrySet().stream().filter(entry -> rule.matches(entry.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Returns the severity for the rule after overrides. */
    public Severity severity(RuleInfo rule) {
        return severities.entrySet().stream().filter(entry -> rule.matches(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(rule.severity());
    }

    /** Returns a copy with every rule switched on, as the Hadolint acceptance cases expect. */
    public LintConfig withAllRulesEnabled(List<RuleInfo> rules) {
        Map<String, Boolean> all = new java.util.HashMap<>(ruleSwitches);
        rules.forEach(rule -> all.put(rule.id(), true));
        return new LintConfig(all, severities, trustedRegistries, requiredLabels, strictLabels);
    }
}
