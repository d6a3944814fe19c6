package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.shellcheck.RunScripts;
import dev.portcullis.lint.shellcheck.ShellCheck;
import dev.portcullis.lint.shellcheck.ShellCheckException;
import dev.portcullis.lint.shellcheck.ShellCheckFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled rules over a Dockerfile, and ShellCheck over its RUN scripts when one is given,
 * then applies severity overrides and ignore comments. ShellCheck findings carry their {@code SC}
 * code as the rule id, and an ignore comment above the RUN silences them.
 *
 * <p>Example: {@code new Linter(RuleCatalog.all()).lint(dockerfile, LintConfig.defaults())} returns
 * the findings sorted by line.
 */
public final class Linter {

    private static final Logger LOG = LoggerFactory.getLogger(Linter.class);

    private final List<Rule> rules;
    private final Optional<ShellCheck> shellcheck;

    public Linter(List<Rule> rules) {
        this(rules, Optional.empty());
    }

    /**
     * @param rules the rules to run
     * @param shellcheck the shellcheck program for RUN scripts, or empty to run the rules alone
     */
    public Linter(List<Rule> rules, Optional<ShellCheck> shellcheck) {
        this.rules = List.copyOf(rules);
        this.shellcheck = shellcheck;
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
        shellcheck.ifPresent(program -> findings.addAll(shellCheckFindings(program, dockerfile, config, ignores)));
        findings.sort(Comparator.comparingInt((Finding finding) -> finding.range().startLine())
                .thenComparingInt(finding -> finding.range().startColumn())
                .thenComparing(finding -> finding.rule().id()));
        return findings;
    }

    private static List<Finding> shellCheckFindings(ShellCheck program, Dockerfile dockerfile, LintConfig config,
            InlineIgnores ignores) {
        List<ShellCheckFinding> found;
        try {
            found = program.check(RunScripts.of(dockerfile));
        } catch (ShellCheckException e) {
            LOG.warn("ShellCheck failed on {}, so its SC findings are missing from the report: {}", dockerfile.file(),
                    e.getMessage());
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ShellCheckFinding finding : found) {
            RuleInfo info = finding.rule();
            if (!config.enabled(info) || ignores.ignores(info, finding.instruction().startLine())) {
                continue;
            }
            findings.add(new Finding(info, config.severity(info), finding.message(), dockerfile.file(), finding.range()));
        }
        return findings;
    }
}
