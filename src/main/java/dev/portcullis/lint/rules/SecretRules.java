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
            boolean ships = instruction.stageIndex() < 0 || shipped.contains(instruction.stageIndex()) || instruction.onbuild();
            for (Assignment assignment : assignments(instruction)) {
                if (!looksSecret(assignment.name())) {
                    continue;
                }
                String claim = instruction.keyword() + " " + assignment.name() + " looks like a secret";
                if (ships) {
                    found.add(Violation.at(instruction, claim + (assignment.literal() ? " (value redacted)" : "")
                            + "; it stays in the image history. Use RUN --mount=type=secret instead"));
                } else if (assignment.literal()) {
                    // A build stage does not ship, but its literal value sits in the Dockerfile and the build cache.
                    found.add(Violation.at(instruction, claim + " (value redacted) written in a build stage; the"
                            + " value is in the Dockerfile and the build cache. Use RUN --mount=type=secret instead"));
                }
            }
        }
        return found;
    }

    private static boolean looksSecret(String name) {
        return SECRET_NAME.matcher(name).matches() && !NOT_SECRETS.contains(name.toUpperCase(Locale.ROOT));
    }

    /** A name set by ARG or ENV, and whether its value is written out rather than taken from a variable. */
    private record Assignment(String name, boolean literal) {

        static Assignment of(String name, String value) {
            return new Assignment(name, value != null && !value.isEmpty() && !value.startsWith("$"));
        }
    }

    private static List<Assignment> assignments(Instruction instruction) {
        List<Assignment> assignments = new ArrayList<>();
        if (instruction.is("ARG")) {
            for (String word : instruction.arguments()) {
                int equals = word.indexOf('=');
                assignments.add(equals < 0 ? Assignment.of(word, null)
                        : Assignment.of(word.substring(0, equals), word.substring(equals + 1)));
            }
        } else if (instruction.is("ENV")) {
            List<String> triples = instruction.arguments();
            for (int i = 0; i + 1 < triples.size(); i += 3) {
                if (!triples.get(i + 1).isEmpty()) {
                    assignments.add(Assignment.of(triples.get(i), triples.get(i + 1)));
                }
            }
        }
        return assignments;
    }
}
