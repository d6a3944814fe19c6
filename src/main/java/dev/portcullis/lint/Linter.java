package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.Dockerfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled rules over a Dockerfile and applies severity overrides and ignore comments.
 *
 * <p>Example: {@code new Linter(RuleCatalog.all()).lint(dockerfile, LintConfig.defaults())} returns
 * the findings sorted by line.
 */
public final class Linter {

    private static final Logger LOG = LoggerFactory.getLogger(Linter.class);

    private final List<Rule> rules;

    public Linter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Finding> lint(Dockerfile dockerfile, LintConfig config) {
        InlineIgnores ignores = new InlineIgnores(dockerfile);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            if (!config.enabled(info)) {
                continue;
            }
            List<Violation> violations;
            try {
                violations = rule.check(dockerfile, config);
            } catch (RuntimeException e) {
                // One broken rule must not stop the others, so the rest of the report stays useful.
                LOG.warn("Rule {} failed on {} and was skipped: {}", info.id(), dockerfile.file(), e.toString(), e);
                continue;
            }
            for (Violation violation : violations) {
                if (ignores.ignores(info, violation.range().startLine())) {
                    LOG.debug("{} ignored at {}:{} by an ignore comment", info.id(), dockerfile.file(),
                            violation.range().startLine());
                    continue;
                }
                String message = violation.message() == null ? info.title() : violation.message();
                findings.add(new Finding(info, config.severity(info), message, dockerfile.file(), violation.range()));
            }
        }
        findings.sort(Comparator.comparingInt((Finding finding) -> finding.range().startLine())
                .thenComparing(finding -> finding.rule().id()));
        return findings;
    }
}
