package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.shellcheck.RunScript;
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

    /** Lints one Dockerfile and returns its findings sorted by line and column. */
    public List<Finding> lint(Dockerfile dockerfile, LintConfig config) {
        return lintAll(List.of(new LintJob(dockerfile, config))).getFirst();
    }

    /**
     * Lints several Dockerfiles, each with its own configuration, and returns their findings in the
     * order of the jobs. One ShellCheck pass covers the RUN scripts of all of them.
     */
    public List<List<Finding>> lintAll(List<LintJob> jobs) {
        List<List<Finding>> findings = new ArrayList<>();
        List<InlineIgnores> ignores = new ArrayList<>();
        for (LintJob job : jobs) {
            InlineIgnores fileIgnores = new InlineIgnores(job.dockerfile());
            ignores.add(fileIgnores);
            findings.add(ruleFindings(job.dockerfile(), job.config(), fileIgnores));
        }
        shellcheck.ifPresent(program -> addShellCheckFindings(program, jobs, ignores, findings));
        for (List<Finding> fileFindings : findings) {
            fileFindings.sort(Comparator.comparingInt((Finding finding) -> finding.range().startLine())
                    .thenComparingInt(finding -> finding.range().startColumn())
                    .thenComparing(finding -> finding.rule().id()));
        }
        return findings.stream().map(List::copyOf).toList();
    }

    private List<Finding> ruleFindings(Dockerfile dockerfile, LintConfig config, InlineIgnores ignores) {
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
        return findings;
    }

    private static void addShellCheckFindings(ShellCheck program, List<LintJob> jobs, List<InlineIgnores> ignores,
            List<List<Finding>> findings) {
        List<RunScript> scripts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int job = 0; job < jobs.size(); job++) {
            for (RunScript script : RunScripts.of(jobs.get(job).dockerfile())) {
                scripts.add(script);
                owners.add(job);
            }
        }
        List<ShellCheckFinding> found;
        try {
            found = program.check(scripts);
        } catch (ShellCheckException e) {
            LOG.warn("ShellCheck failed, so SC findings are missing from the report for {} Dockerfiles: {}", jobs.size(),
                    e.getMessage());
            return;
        }
        for (ShellCheckFinding finding : found) {
            int job = owners.get(finding.script());
            LintConfig config = jobs.get(job).config();
            RuleInfo info = finding.rule();
            if (!config.enabled(info) || ignores.get(job).ignores(info, finding.instruction().startLine())) {
                continue;
            }
            Dockerfile dockerfile = jobs.get(job).dockerfile();
            findings.get(job).add(new Finding(info, config.severity(info), finding.message(), dockerfile.file(), finding.range()));
        }
    }
}
