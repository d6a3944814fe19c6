package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.ERROR;
import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import dev.portcullis.lint.shell.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rules about the commands a RUN executes, beyond package managers. */
final class ShellUsageRules {

    private static final Set<String> POINTLESS_IN_CONTAINER = Set.of("free", "kill", "mount", "ps", "service", "shutdown",
            "ssh", "top", "vim");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ash", "dash", "ksh", "fish");

    private ShellUsageRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D001", "DL3001", null, INFO, "Commands such as ssh, vim, top or service make no sense in a build")
                        .eachRun(run -> run.commands().stream().anyMatch(command ->
                                POINTLESS_IN_CONTAINER.contains(command.name().replaceFirst(".*/", "")))),
                rule("PC-D003", "DL3003", null, WARNING, "Use WORKDIR to change directory instead of cd")
                        .eachRun(run -> !run.commands("cd").isEmpty()),
                rule("PC-D004", "DL3004", null, ERROR, "Do not use sudo: the build already runs as root unless USER says otherwise")
                        .eachRun(run -> !run.commands("sudo").isEmpty()),
                rule("PC-D046", "DL3046", null, WARNING, "useradd with a large UID needs -l, or the lastlog file grows huge")
                        .eachRun(run -> run.commands("useradd").stream().anyMatch(ShellUsageRules::largeUidWithoutNoLog)),
                rule("PC-D047", "DL3047", null, INFO, "Use wget --progress=dot:giga or -q so logs do not fill with progress bars")
                        .eachRun(run -> run.commands("wget").stream().anyMatch(wget -> !wget.hasFlag("--progress", "-q",
                                "--quiet", "-nv", "--no-verbose", "-o", "--output-file", "-a", "--append-output"))),
                rule("PC-D401", "DL4001", null, WARNING, "Use either wget or curl in a stage, not both")
                        .whole(ShellUsageRules::wgetAndCurl),
                rule("PC-D405", "DL4005", null, WARNING, "Use SHELL to change the default shell instead of linking /bin/sh")
                        .eachRun(run -> run.commands("ln").stream().anyMatch(ln -> ln.positional().contains("/bin/sh"))),
                rule("PC-D406", "DL4006", null, WARNING, "Set -o pipefail (SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]) before RUN with a pipe")
                        .whole(ShellUsageRules::pipesWithoutPipefail),
                rule("PC-D903", null, "4.11", WARNING, "Do not pipe a download into a shell; download, verify the checksum, then run it")
                        .eachRun(ShellUsageRules::pipesDownloadIntoShell));
    }

    private static boolean largeUidWithoutNoLog(Command useradd) {
        if (useradd.hasFlag("-l", "--no-log-init")) {
            return false;
        }
        return useradd.flagValues("-u", "--uid").stream().anyMatch(uid -> uid.matches("\\d{6,}"));
    }

    private static List<Violation> wgetAndCurl(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            boolean wget = false;
            boolean curl = false;
            for (Instruction instruction : stage.effectiveInstructions()) {
                if (!instruction.is("RUN")) {
                    continue;
                }
                RunCommand run = RunCommand.of(instruction);
                wget |= !run.commands("wget").isEmpty();
                curl |= !run.commands("curl").isEmpty();
                if (wget && curl) {
                    found.add(Violation.at(instruction));
                    break;
                }
            }
        }
        return found;
    }

    private static List<Violation> pipesWithoutPipefail(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            List<String> shell = List.of("/bin/sh", "-c");
            for (Instruction instruction : stage.effectiveInstructions()) {
                if (instruction.is("SHELL") && instruction.json()) {
                    shell = instruction.arguments();
                    continue;
                }
                if (!instruction.is("RUN") || instruction.json() || !supportsPipefail(shell) && !isPosix(shell)) {
                    continue;
                }
                if (hasPipefail(shell)) {
                    continue;
                }
                RunCommand run = RunCommand.of(instruction);
                if (!run.script().pipelines().isEmpty() && !setsPipefail(run)) {
                    found.add(Violation.at(instruction));
                }
            }
        }
        return found;
    }

    private static boolean isPosix(List<String> shell) {
        return !shell.isEmpty() && SHELLS.contains(shell.getFirst().replaceFirst(".*/", ""));
    }

    private static boolean supportsPipefail(List<String> shell) {
        String program = shell.isEmpty() ? "" : shell.getFirst().replaceFirst(".*/", "");
        return program.equals("bash") || program.equals("zsh") || program.equals("ash") || program.equals("ksh");
    }

    private static boolean hasPipefail(List<String> shell) {
        if (!supportsPipefail(shell)) {
            return false;
        }
        for (int i = 1; i < shell.size(); i++) {
            if (shell.get(i).equals("pipefail") && shell.get(i - 1).matches("-[a-z]*o")) {
                return true;
            }
        }
        return false;
    }

    private static boolean setsPipefail(RunCommand run) {
        int firstPipeline = run.commands().stream().filter(Command::pipedFrom).findFirst()
                .map(command -> run.commands().indexOf(command)).orElse(run.commands().size());
        for (Command command : run.commands().subList(0, firstPipeline)) {
            List<String> arguments = command.arguments();
            if (command.is("set")) {
                for (int i = 1; i < arguments.size(); i++) {
                    if (arguments.get(i).equals("pipefail") && arguments.get(i - 1).matches("-[a-z]*o")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean pipesDownloadIntoShell(RunCommand run) {
        for (List<Command> pipeline : run.script().pipelines()) {
            boolean downloaded = false;
            for (Command command : pipeline) {
                if (command.is("curl") || command.is("wget")) {
                    downloaded = true;
                } else if (downloaded && (SHELLS.contains(command.name().replaceFirst(".*/", ""))
                        || command.name().matches(".*/?(python[0-9.]*|perl|ruby|node)$"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
