package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.ERROR;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets passed through ARG or ENV: both end up in the image history or configuration. Values are
 * never copied into the message.
 */
final class SecretRules {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api_?key|access_?key|private_?key|credential|auth_?key|client_?secret).*");
    private static final Set<String> NOT_SECRETS = Set.of("GPG_KEY", "GPG_KEYS", "PUBLIC_KEY");

    private SecretRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D064", "DL3064", "4.10", ERROR, "Do not pass secrets through ARG or ENV; use RUN --mount=type=secret")
                        .whole(SecretRules::secrets));
    }

    private static List<Violation> secrets(Dockerfile dockerfile, LintConfig config) {
        Set<Integer> shipped = StageScope.shippedStages(dockerfile);
        List<Violation> found = new ArrayList<>();
        for (Instruction instruction : dockerfile.effectiveInstructions()) {
            boolean relevant = instruction.stageIndex() < 0 || shipped.contains(instruction.stageIndex()) || instruction.onbuild();
            if (!relevant) {
                continue;
            }
            for (String name : names(instruction)) {
                if (SECRET_NAME.matcher(name).matches() && !NOT_SECRETS.contains(name.toUpperCase(Locale.ROOT))) {
                    found.add(Violation.at(instruction, instruction.keyword() + " " + name
                            + " looks like a secret (value redacted); it stays in the image history."
                            + " Use RUN --mount=type=secret instead"));
                }
            }
        }
        return found;
    }

    private static List<String> names(Instruction instruction) {
        List<String> names = new ArrayList<>();
        if (instruction.is("ARG")) {
            for (String word : instruction.arguments()) {
                names.add(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
            }
        } else if (instruction.is("ENV")) {
            List<String> triples = instruction.arguments();
            for (int i = 0; i + 1 < triples.size(); i += 3) {
                if (!triples.get(i + 1).isEmpty()) {
                    names.add(triples.get(i));
                }
            }
        }
        return names;
    }
}
