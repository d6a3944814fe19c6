package dev.portcullis.lint.rules;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.RuleInfo;
import dev.portcullis.lint.Severity;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Builds rules from their metadata and a check, so each concern's class reads as a list of rules.
 *
 * <p>Example: {@code RuleBuilder.rule("PC-D027", "DL3027", null, WARNING, "Use apt-get, not apt")
 * .eachRun(run -> !run.commands("apt").isEmpty())}.
 */
final class RuleBuilder {

    private final RuleInfo info;

    private RuleBuilder(RuleInfo info) {
        this.info = info;
    }

    static RuleBuilder rule(String id, String hadolintId, String cisId, Severity severity, String title) {
        return new RuleBuilder(new RuleInfo(id, Optional.ofNullable(hadolintId), Optional.ofNullable(cisId), Optional.empty(),
                severity, title, true));
    }

    /** Records the name of the BuildKit check with the same meaning, so {@code # check=skip=NAME} applies. */
    RuleBuilder buildkit(String name) {
        return new RuleBuilder(new RuleInfo(info.id(), info.hadolintId(), info.cisId(), Optional.of(name), info.severity(),
                info.title(), info.enabledByDefault()));
    }

    /** Marks the rule as off unless the configuration turns it on. */
    RuleBuilder optIn() {
        return new RuleBuilder(new RuleInfo(info.id(), info.hadolintId(), info.cisId(), info.buildkitName(), info.severity(),
                info.title(), false));
    }

    /** A rule reporting each RUN (ONBUILD RUN included) whose script violates the test. */
    Rule eachRun(Predicate<RunCommand> violates) {
        return eachRun((run, dockerfile) -> violates.test(run));
    }

    /** A rule reporting each RUN whose script violates the test, which may look at the whole file. */
    Rule eachRun(BiPredicate<RunCommand, Dockerfile> violates) {
        return whole((dockerfile, config) -> {
            List<Violation> found = new ArrayList<>();
            for (Instruction instruction : dockerfile.effectiveInstructions()) {
                if (instruction.is("RUN") && violates.test(RunCommand.of(instruction), dockerfile)) {
                    found.add(Violation.at(instruction));
                }
            }
            return found;
        });
    }

    /** A rule reporting each instruction with the keyword (ONBUILD triggers included) that violates the test. */
    Rule each(String keyword, BiPredicate<Instruction, Dockerfile> violates) {
        return whole((dockerfile, config) -> {
            List<Violation> found = new ArrayList<>();
            for (Instruction instruction : dockerfile.effectiveInstructions()) {
                if (instruction.is(keyword) && violates.test(instruction, dockerfile)) {
                    found.add(Violation.at(instruction));
                }
            }
            return found;
        });
    }

    Rule each(String keyword, Predicate<Instruction> violates) {
        return each(keyword, (instruction, dockerfile) -> violates.test(instruction));
    }

    /** A rule with its own check over the whole file. */
    Rule whole(BiFunction<Dockerfile, LintConfig, List<Violation>> check) {
        RuleInfo ruleInfo = info;
        return new Rule() {
            @Override
            public RuleInfo info() {
                return ruleInfo;
            }

            @Override
            public List<Violation> check(Dockerfile dockerfile, LintConfig config) {
                return check.apply(dockerfile, config);
            }
        };
    }
}
