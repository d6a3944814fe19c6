package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.Rule;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.shell.Command;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Rules for RPM package managers: yum, dnf, microdnf and zypper. */
final class RpmRules {

    private static final Set<String> DNF_INSTALLS = Set.of("install", "in", "upgrade", "up", "upgrade-minimal", "up-min",
            "reinstall", "rei");
    private static final Set<String> VALUE_FLAGS = Set.of("-c", "--config", "--releasever", "--installroot", "-x",
            "--exclude", "--enablerepo", "--disablerepo", "--repo", "--setopt");

    private RpmRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D030", "DL3030", null, WARNING, "Use yum install -y so the build never waits for input")
                        .eachRun(run -> commands(run, "yum", "install").anyMatch(command -> !command.hasFlag("-y", "--assumeyes"))),
                rule("PC-D032", "DL3032", null, WARNING, "Run yum clean all after yum install")
                        .eachRun(run -> !run.cleanedAfter(is("yum", Set.of("install")), RpmRules::cleansYum)),
                rule("PC-D033", "DL3033", null, WARNING, "Pin versions in yum install: use package-version")
                        .eachRun((run, file) -> hasUnpinned(run, file, "yum")),
                rule("PC-D034", "DL3034", null, WARNING, "Use zypper install -n so the build never waits for input")
                        .eachRun(run -> commands(run, "zypper", "install", "in").anyMatch(command ->
                                !command.hasFlag("-n", "--non-interactive", "-y", "--no-confirm"))),
                rule("PC-D035", "DL3035", null, WARNING, "Do not use zypper dist-upgrade; pin the base image instead")
                        .eachRun(run -> commands(run, "zypper", "dist-upgrade", "dup").findAny().isPresent()),
                rule("PC-D036", "DL3036", null, WARNING, "Run zypper clean after zypper install")
                        .eachRun(run -> !run.mountsCacheAt("/var/cache/zypp")
                                && !run.cleanedAfter(is("zypper", Set.of("install", "in")), is("zypper", Set.of("clean", "cc")))),
                rule("PC-D037", "DL3037", null, WARNING, "Pin versions in zypper install: use package=version")
                        .eachRun(run -> commands(run, "zypper", "install", "in").anyMatch(command ->
                                packages(command).stream().anyMatch(name -> !name.matches(".*[=<>].*") && !name.endsWith(".rpm")))),
                rule("PC-D038", "DL3038", null, WARNING, "Use dnf install -y so the build never waits for input")
                        .eachRun(run -> Stream.concat(commands(run, "dnf", "install", "in"), commands(run, "microdnf", "install", "in"))
                                .anyMatch(command -> !command.hasFlag("-y", "--assumeyes"))),
                rule("PC-D040", "DL3040", null, WARNING, "Run dnf clean all after dnf install")
                        .eachRun(run -> !run.mountsCacheAt("/var/cache/libdnf5")
                                && (!run.cleanedAfter(is("dnf", DNF_INSTALLS), cleanup("dnf"))
                                || !run.cleanedAfter(is("microdnf", DNF_INSTALLS), cleanup("microdnf")))),
                rule("PC-D041", "DL3041", null, WARNING, "Pin versions in dnf install: use package-version")
                        .eachRun((run, file) -> hasUnpinned(run, file, "dnf") || hasUnpinned(run, file, "microdnf")));
    }

    private static Stream<Command> commands(RunCommand run, String program, String... subcommands) {
        return run.commands(program).stream().filter(is(program, Set.of(subcommands)));
    }

    private static Predicate<Command> is(String program, Set<String> subcommands) {
        return command -> {
            if (!command.is(program)) {
                return false;
            }
            List<String> positional = command.positional(VALUE_FLAGS);
            return !positional.isEmpty() && subcommands.contains(positional.getFirst());
        };
    }

    private static List<String> packages(Command command) {
        List<String> positional = command.positional(VALUE_FLAGS);
        return positional.isEmpty() ? List.of() : positional.subList(1, positional.size());
    }

    private static boolean cleansYum(Command command) {
        return command.is("yum") && command.positional().equals(List.of("clean", "all")) || removesCache(command);
    }

    private static Predicate<Command> cleanup(String program) {
        return command -> command.is(program) && command.positional().equals(List.of("clean", "all")) || removesCache(command);
    }

    private static boolean removesCache(Command command) {
        return command.is("rm") && command.positional().stream().anyMatch(path -> path.startsWith("/var/cache/yum")
                || path.startsWith("/var/cache/dnf"));
    }

    private static boolean hasUnpinned(RunCommand run, Dockerfile dockerfile, String program) {
        Map<String, String> variables = StageScope.variables(dockerfile, run.instruction());
        for (Command command : run.commands(program)) {
            List<String> positional = command.positional(VALUE_FLAGS);
            boolean module = !positional.isEmpty() && positional.getFirst().equals("module");
            List<String> rest = module ? positional.subList(1, positional.size()) : positional;
            if (rest.isEmpty() || !rest.getFirst().equals("install")) {
                continue;
            }
            for (String name : rest.subList(1, rest.size())) {
                String expanded = StageScope.expand(name, variables);
                boolean pinned = module ? expanded.contains(":") : expanded.matches(".+-\\d.*") || expanded.endsWith(".rpm");
                if (!pinned) {
                    return true;
                }
            }
        }
        return false;
    }
}
