package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Rules about comments that change how the linter itself behaves. */
final class PragmaRules {

    private static final Pattern IGNORE = Pattern.compile("^\\s*#\\s*(hadolint|portcullis)\\s+(global\\s+)?ignore\\s*=.*");

    private PragmaRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D101", "DL1001", null, INFO, "Avoid inline ignore comments; fix the finding or configure the rule in .portcullis.yaml")
                        .optIn().whole((file, config) -> {
                            List<Violation> found = new ArrayList<>();
                            for (int i = 0; i < file.lines().size(); i++) {
                                String line = file.lines().get(i);
                                if (IGNORE.matcher(line).matches()) {
                                    found.add(new Violation(SourceRange.at(i + 1, line.indexOf('#') + 1), null));
                                }
                            }
                            return found;
                        }));
    }
}
