package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.Rule;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.shell.Command;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Rules for language package managers: pip, npm, yarn, gem and go. */
final class LanguagePackageRules {

    private static final Set<String> PIP_VALUE_FLAGS = Set.of("-r", "--requirement", "-c", "--constraint", "-e",
            "--editable", "-t", "--target", "--build", "--prefix", "--root", "--trusted-host", "-i", "--index-url",
            "--extra-index-url", "-f", "--find-links", "--root-user-action", "--python", "--src", "--upgrade-strategy",
            "--platform", "--python-version", "--implementation", "--abi", "--progress-bar", "--log", "--proxy",
            "--retries", "--timeout", "--exists-action", "--cert", "--client-cert", "--cache-dir", "--report", "--pip-args");
    private static final Set<String> NPM_VALUE_FLAGS = Set.of("--loglevel", "--registry", "--prefix", "--cache", "--userconfig",
            "--tag", "-w", "--workspace");
    private static final Set<String> TRUE_WORDS = Set.of("1", "on", "yes", "true");

    private LanguagePackageRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D013", "DL3013", null, WARNING, "Pin versions in pip install: use package==version")
                        .eachRun(run -> pipInstalls(run).anyMatch(LanguagePackageRules::hasUnpinnedPip)),
                rule("PC-D042", "DL3042", null, WARNING, "Use pip install --no-cache-dir so the download cache is not kept in the layer")
                        .eachRun(LanguagePackageRules::keepsPipCache),
                rule("PC-D016", "DL3016", null, WARNING, "Pin versions in npm install: use package@version")
                        .eachRun(run -> npmInstalls(run).anyMatch(LanguagePackageRules::hasUnpinnedNpm)),
                rule("PC-D028", "DL3028", null, WARNING, "Pin versions in gem install: use gem:version or -v")
                        .eachRun(run -> run.commands("gem").stream().anyMatch(LanguagePackageRules::hasUnpinnedGem)),
                rule("PC-D060", "DL3060", null, INFO, "Run yarn cache clean after yarn install in the image that ships")
                        .eachRun(LanguagePackageRules::keepsYarnCache),
                rule("PC-D062", "DL3062", null, WARNING, "Pin versions in go install: use module@version, not @latest")
                        .eachRun(run -> run.commands("go").stream().anyMatch(LanguagePackageRules::hasUnpinnedGo)));
    }

    private static Stream<Command> pipInstalls(RunCommand run) {
        return run.commands().stream().filter(command -> {
            String name = command.name().replaceFirst(".*/", "");
            List<String> arguments = command.positional();
            if (name.matches("pip[0-9.]*|pipx")) {
                return !arguments.isEmpty() && arguments.getFirst().equals("install");
            }
            if (name.matches("python[0-9.]*")) {
                int module = command.arguments().indexOf("-m");
                List<String> all = command.arguments();
                return module >= 0 && module + 2 < all.size() && all.get(module + 1).equals("pip")
                        && all.get(module + 2).equals("install");
            }
            return false;
        });
    }

    private static List<String> pipPackages(Command install) {
        List<String> positional = install.positional(PIP_VALUE_FLAGS);
        int start = positional.indexOf("install");
        return positional.subList(start + 1, positional.size());
    }

    private static boolean hasUnpinnedPip(Command install) {
        // A constraints file pins the versions of everything installed with it.
        if (install.hasFlag("-c", "--constraint")) {
            return false;
        }
        return !pipPackages(install).stream().allMatch(LanguagePackageRules::pipPinned);
    }

    private static boolean pipPinned(String requirement) {
        if (requirement.matches(".*[=<>!~].*") && !requirement.contains("://")) {
            return true;
        }
        if (requirement.contains("://") || requirement.startsWith("git+")) {
            boolean vcs = requirement.startsWith("git+") || requirement.startsWith("hg+") || requirement.startsWith("svn+");
            String path = requirement.substring(requirement.lastIndexOf('/') + 1);
            return !vcs || path.contains("@");
        }
        return requirement.endsWith(".whl") || requirement.endsWith(".tar.gz") || requirement.endsWith(".zip")
                || requirement.contains("/") || requirement.startsWith(".");
    }

    private static boolean keepsPipCache(RunCommand run, Dockerfile dockerfile) {
        if (run.mountsCacheAt("/root/.cache/pip")) {
            return false;
        }
        List<Command> installs = pipInstalls(run).filter(command -> !command.name().endsWith("pipx")).toList();
        if (installs.isEmpty() || installs.stream().allMatch(command -> command.hasFlag("--no-cache-dir"))) {
            return false;
        }
        String setting = StageScope.variables(dockerfile, run.instruction()).get("PIP_NO_CACHE_DIR");
        for (Command command : run.commands()) {
            for (String word : command.words()) {
                if (word.startsWith("PIP_NO_CACHE_DIR=")) {
                    setting = word.substring("PIP_NO_CACHE_DIR=".length());
                }
            }
        }
        return setting == null || !TRUE_WORDS.contains(setting.toLowerCase(Locale.ROOT));
    }

    private static Stream<Command> npmInstalls(RunCommand run) {
        return run.commands("npm").stream().filter(command -> {
            List<String> positional = command.positional(NPM_VALUE_FLAGS);
            return !positional.isEmpty() && Set.of("install", "i", "add").contains(positional.getFirst());
        });
    }

    private static boolean hasUnpinnedNpm(Command install) {
        List<String> positional = install.positional(NPM_VALUE_FLAGS);
        return positional.stream().skip(1).anyMatch(name -> !npmPinned(name));
    }

    private static boolean npmPinned(String name) {
        if (name.startsWith("/") || name.startsWith("./") || name.startsWith("../") || name.startsWith("~/")
                || name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return true;
        }
        if (name.contains("://") || name.startsWith("git+")) {
            return name.contains("#");
        }
        return name.indexOf('@', 1) > 0;
    }

    private static boolean hasUnpinnedGem(Command gem) {
        List<String> arguments = gem.arguments();
        if (arguments.isEmpty() || !Set.of("install", "i").contains(arguments.getFirst())) {
            return false;
        }
        if (gem.hasFlag("-v", "--version")) {
            return false;
        }
        boolean afterValueFlag = false;
        for (String argument : arguments.subList(1, arguments.size())) {
            if (argument.equals("--")) {
                break;
            }
            if (argument.startsWith("-")) {
                afterValueFlag = argument.startsWith("--") && !argument.contains("=");
                continue;
            }
            if (afterValueFlag) {
                afterValueFlag = false;
                continue;
            }
            if (!argument.contains(":")) {
                return true;
            }
        }
        return false;
    }

    private static boolean keepsYarnCache(RunCommand run, Dockerfile dockerfile) {
        if (!run.instruction().onbuild() && !StageScope.shippedStages(dockerfile).contains(run.instruction().stageIndex())
                || run.mountsCacheAt("/root/.cache/yarn") || run.mountsCacheAt("/usr/local/share/.cache/yarn")) {
            return false;
        }
        return !run.cleanedAfter(command -> command.is("yarn") && command.positional().stream().findFirst()
                        .map(sub -> sub.equals("install") || sub.equals("add")).orElse(false),
                command -> command.is("yarn") && command.positional().equals(List.of("cache", "clean")));
    }

    private static boolean hasUnpinnedGo(Command go) {
        List<String> positional = go.positional();
        if (positional.isEmpty() || !Set.of("install", "get", "run").contains(positional.getFirst())) {
            return false;
        }
        // go run passes the words after the package to the program, so only the package is checked.
        int packages = positional.getFirst().equals("run") ? Math.min(2, positional.size()) : positional.size();
        return positional.subList(1, packages).stream().anyMatch(module -> !module.startsWith(".") && !module.startsWith("/")
                && (!module.contains("@") || module.endsWith("@latest")));
    }
}
