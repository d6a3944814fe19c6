package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.Rule;
import dev.portcullis.lint.shell.Command;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Rules for Alpine package installs with apk. */
final class ApkRules {

    private static final Set<String> VALUE_FLAGS = Set.of("-t", "--virtual", "-X", "--repository", "-p", "--root",
            "--keys-dir", "--cache-dir", "--arch", "--repositories-file");

    private ApkRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D018", "DL3018", null, WARNING, "Pin versions in apk add: use package=version")
                        .eachRun(run -> adds(run).anyMatch(ApkRules::hasUnpinned)),
                rule("PC-D019", "DL3019", null, INFO, "Use apk add --no-cache so the package index is not kept in the layer")
                        .eachRun(run -> !run.mountsCacheAt("/var/cache/apk")
                                && adds(run).anyMatch(command -> !command.hasFlag("--no-cache"))));
    }

    private static Stream<Command> adds(RunCommand run) {
        return run.commands("apk").stream().filter(command -> {
            List<String> positional = command.positional(VALUE_FLAGS);
            return !positional.isEmpty() && positional.getFirst().equals("add");
        });
    }

    private static boolean hasUnpinned(Command add) {
        return add.positional(VALUE_FLAGS).stream().skip(1)
                .anyMatch(name -> !name.matches(".*[=~<>].*") && !name.endsWith(".apk"));
    }
}
