package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.LabelType;
import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Rules checking labels against the required labels of the configuration. */
final class LabelRules {

    private LabelRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D049", "DL3049", null, INFO, "A required label is missing")
                        .whole(LabelRules::missing),
                rule("PC-D050", "DL3050", null, INFO, "Only the configured labels are allowed (strict labels)")
                        .whole((file, config) -> eachLabel(file, (name, value) -> config.strictLabels()
                                && !config.requiredLabels().containsKey(name), "is not a configured label")),
                rule("PC-D051", "DL3051", null, WARNING, "A required label is empty")
                        .whole((file, config) -> eachLabel(file, (name, value) -> config.requiredLabels().containsKey(name)
                                && value.isEmpty(), "is empty")),
                typed("PC-D052", "DL3052", LabelType.URL, "is not a valid URL", value -> value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/]+.*")),
                typed("PC-D053", "DL3053", LabelType.RFC3339, "is not an RFC 3339 date", LabelRules::isRfc3339),
                typed("PC-D054", "DL3054", LabelType.SPDX, "is not an SPDX license identifier", SpdxLicenses::isExpression),
                typed("PC-D055", "DL3055", LabelType.GITHASH, "is not a git commit hash", value -> value.matches("[0-9a-fA-F]{7,40}")),
                typed("PC-D056", "DL3056", LabelType.SEMVER, "is not a semantic version", value -> value.matches(
                        "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$")),
                typed("PC-D058", "DL3058", LabelType.EMAIL, "is not an email address", value -> value.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")));
    }

    private static Rule typed(String id, String hadolintId, LabelType type, String problem, Predicate<String> valid) {
        return rule(id, hadolintId, null, WARNING, "A label declared as " + type.name().toLowerCase(java.util.Locale.ROOT) + " " + problem)
                .whole((file, config) -> eachLabel(file, (name, value) -> config.requiredLabels().get(name) == type
                        && !valid.test(value), problem));
    }

    private interface LabelTest {
        boolean violates(String name, String value);
    }

    private static List<Violation> eachLabel(Dockerfile dockerfile, LabelTest test, String problem) {
        List<Violation> found = new ArrayList<>();
        for (Instruction label : dockerfile.effectiveInstructions()) {
            if (!label.is("LABEL")) {
                continue;
            }
            List<String> triples = label.arguments();
            for (int i = 0; i + 1 < triples.size(); i += 3) {
                String name = StageScope.unquote(triples.get(i));
                String value = StageScope.unquote(triples.get(i + 1));
                if (test.violates(name, value)) {
                    found.add(Violation.at(label, "Label " + name + " " + problem));
                }
            }
        }
        return found;
    }

    private static List<Violation> missing(Dockerfile dockerfile, LintConfig config) {
        Map<String, LabelType> required = config.requiredLabels();
        if (required.isEmpty() || dockerfile.finalStage().isEmpty()) {
            return List.of();
        }
        Set<String> present = new HashSet<>();
        List<Stage> lineage = ShippedImageRules.finalLineage(dockerfile);
        for (Stage stage : lineage) {
            for (Instruction label : stage.effectiveInstructions()) {
                if (label.is("LABEL")) {
                    present.addAll(InstructionRules.labelKeys(label));
                }
            }
        }
        Stage last = dockerfile.finalStage().get();
        Instruction anchor = last.from() != null ? last.from() : last.instructions().getFirst();
        return required.keySet().stream().filter(name -> !present.contains(name)).sorted()
                .map(name -> Violation.at(anchor, "Required label " + name + " is missing")).toList();
    }

    private static boolean isRfc3339(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
