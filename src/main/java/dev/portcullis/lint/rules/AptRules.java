package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.Rule;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.shell.Command;
import java.util.List;
import java.util.Set;

/**
 * Rules for Debian and Ubuntu package installs with apt-get, apt and aptitude, and the index update
 * rule shared by all distribution package managers.
 */
final class AptRules {

    private static final Set<String> VALUE_FLAGS = Set.of("-t", "--target-release", "-o", "--option", "-c", "--config-file");

    private AptRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D008", "DL3008", null, WARNING, "Pin versions in apt-get install: use package=version")
                        .eachRun(run -> installs(run).anyMatch(AptRules::hasUnpinned)),
                rule("PC-D009", "DL3009", null, INFO, "Delete /var/lib/apt/lists after apt-get install in the image that ships")
                        .eachRun(AptRules::keepsLists),
                rule("PC-D014", "DL3014", null, WARNING, "Use apt-get install -y so the build never waits for input")
                        .eachRun(run -> installs(run).anyMatch(command -> !assumesYes(command))),
                rule("PC-D015", "DL3015", "4.3", INFO, "Avoid extra packages: use apt-get install --no-install-recommends")
                        .eachRun(run -> installs(run).anyMatch(command -> !command.hasFlag("--no-install-recommends")
                                && !command.arguments().contains("APT::Install-Recommends=false"))),
                rule("PC-D027", "DL3027", null, WARNING, "Use apt-get or apt-cache instead of apt, whose interface is not stable for scripts")
                        .eachRun(run -> !run.commands("apt").isEmpty()),
                rule("PC-D907", null, "4.7", WARNING, "Update the package index in the same RUN as the install, or a cached"
                        + " update layer will pair with later installs")
                        .eachRun(AptRules::updatesAlone));
    }

    private static java.util.stream.Stream<Command> installs(RunCommand run) {
        return run.commands("apt-get").stream().filter(command -> subcommand(command).equals("install"));
    }

    private static String subcommand(Command command) {
        List<String> positional = command.positional(VALUE_FLAGS);
        return positional.isEmpty() ? "" : positional.getFirst();
    }

    private static boolean hasUnpinned(Command install) {
        List<String> packages = install.positional(VALUE_FLAGS);
        return packages.stream().skip(1)
                .anyMatch(name -> !name.contains("=") && !name.endsWith(".deb") && !name.startsWith("/") && !name.startsWith("."));
    }

    private static boolean assumesYes(Command command) {
        if (command.hasFlag("-y", "--yes", "--assume-yes", "-qq", "-q=2", "--quiet=2")) {
            return true;
        }
        long quiet = command.arguments().stream()
                .filter(argument -> argument.equals("-q") || argument.equals("--quiet")).count();
        boolean clustered = command.arguments().stream().anyMatch(argument -> argument.matches("-[a-z]*q[a-z]*q[a-z]*"));
        return quiet >= 2 || clustered;
    }

    private static final Set<String> PACKAGE_MANAGERS = Set.of("apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "zypper");

    private static boolean updatesAlone(RunCommand run) {
        boolean updates = false;
        boolean installs = false;
        for (Command command : run.commands()) {
            String name = command.name().replaceFirst(".*/", "");
            if (!PACKAGE_MANAGERS.contains(name)) {
                continue;
            }
            List<String> positional = command.positional(VALUE_FLAGS);
            String subcommand = positional.isEmpty() ? "" : positional.getFirst();
            if (subcommand.equals("update") || subcommand.equals("refresh") || subcommand.equals("makecache")) {
                updates = true;
            } else if (!subcommand.isEmpty()) {
                installs = true;
            }
        }
        return updates && !installs;
    }

    private static boolean keepsLists(RunCommand run, Dockerfile dockerfile) {
        if (!run.instruction().onbuild() && !StageScope.shippedStages(dockerfile).contains(run.instruction().stageIndex())) {
            return false;
        }
        boolean updates = run.commands().stream().anyMatch(command ->
                (command.is("apt-get") || command.is("apt") || command.is("aptitude"))
                        && command.positional(VALUE_FLAGS).contains("update"));
        if (!updates) {
            return false;
        }
        if (run.mountsCacheAt("/var/lib/apt/lists")) {
            return false;
        }
        if (run.mountsCacheAt("/var/lib/apt") && run.mountsCacheAt("/var/cache/apt")) {
            return false;
        }
        return run.commands("rm").stream().noneMatch(command -> command.hasFlag("-r", "-R", "--recursive")
                && command.positional().stream().anyMatch(path -> path.startsWith("/var/lib/apt/lists")));
    }
}
