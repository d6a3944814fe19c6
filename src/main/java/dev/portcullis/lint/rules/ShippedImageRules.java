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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules about what ships: the final stage and the stages it is built FROM decide the image's user,
 * health check, init process, environment and installed dependencies.
 */
final class ShippedImageRules {

    private static final Set<String> INIT_PROGRAMS = Set.of("tini", "tini-static", "dumb-init", "catatonit", "docker-init",
            "s6-svscan", "/init", "init", "runit", "supervisord", "gosu");

    private ShippedImageRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D002", "DL3002", "4.1", WARNING, "The image should not run as root: end the final stage with a non-root USER")
                        .whole(ShippedImageRules::runsAsRoot),
                rule("PC-D906", null, "4.1", INFO, "The final stage sets no USER, so the image runs as the base image's user, often root")
                        .whole(ShippedImageRules::noUser),
                rule("PC-D057", "DL3057", "4.6", INFO, "Add a HEALTHCHECK to the final stage so the runtime can tell when the service is broken")
                        .whole(ShippedImageRules::noHealthcheck),
                rule("PC-D066", "DL3066", null, INFO, "Use a numeric USER so runtimes can verify the image does not run as root")
                        .optIn().each("USER", user -> !user.arguments().isEmpty() && !user.text().contains("$")
                                && !user.text().matches("\\d+(:\\d+)?")),
                rule("PC-D901", null, null, INFO, "Run an init process as PID 1 (tini or dumb-init in ENTRYPOINT) so signals and zombies are handled")
                        .whole(ShippedImageRules::noInitProcess),
                rule("PC-D902", null, null, WARNING, "Install only production dependencies in the final stage: npm ci --omit=dev")
                        .whole(ShippedImageRules::devDependencies));
    }

    /** Returns the final stage followed by its ancestors. */
    static List<Stage> finalLineage(Dockerfile dockerfile) {
        return dockerfile.finalStage().map(stage -> StageScope.lineage(dockerfile, stage)).orElse(List.of());
    }

    /** Returns the last instruction with the keyword that takes effect in the final image. */
    static Optional<Instruction> lastInFinalImage(Dockerfile dockerfile, String keyword) {
        for (Stage stage : finalLineage(dockerfile)) {
            List<Instruction> matching = stage.instructions().stream().filter(instruction -> instruction.is(keyword)).toList();
            if (!matching.isEmpty()) {
                return Optional.of(matching.getLast());
            }
        }
        return Optional.empty();
    }

    private static List<Violation> runsAsRoot(Dockerfile dockerfile, LintConfig config) {
        return lastInFinalImage(dockerfile, "USER").filter(user -> {
            String name = user.text().strip().split(":")[0];
            return name.equals("root") || name.equals("0");
        }).map(user -> List.of(Violation.at(user))).orElse(List.of());
    }

    private static List<Violation> noUser(Dockerfile dockerfile, LintConfig config) {
        Optional<Stage> last = dockerfile.finalStage();
        if (last.isEmpty() || last.get().from() == null || lastInFinalImage(dockerfile, "USER").isPresent()) {
            return List.of();
        }
        List<Stage> lineage = finalLineage(dockerfile);
        boolean scratch = lineage.getLast().baseImage().map("scratch"::equals).orElse(false);
        return scratch ? List.of() : List.of(Violation.at(last.get().from()));
    }

    private static List<Violation> noHealthcheck(Dockerfile dockerfile, LintConfig config) {
        Optional<Stage> last = dockerfile.finalStage();
        if (last.isEmpty() || lastInFinalImage(dockerfile, "HEALTHCHECK").isPresent()) {
            return List.of();
        }
        Instruction anchor = last.get().from() != null ? last.get().from() : last.get().instructions().getFirst();
        return List.of(Violation.at(anchor));
    }

    private static List<Violation> noInitProcess(Dockerfile dockerfile, LintConfig config) {
        Optional<Instruction> entrypoint = lastInFinalImage(dockerfile, "ENTRYPOINT");
        Optional<Instruction> cmd = lastInFinalImage(dockerfile, "CMD");
        if (entrypoint.isEmpty() && cmd.isEmpty()) {
            // The base image decides what runs; nothing in this file to judge.
            return List.of();
        }
        Instruction start = entrypoint.or(() -> cmd).orElseThrow();
        List<String> words = start.json() ? start.arguments() : List.of(start.text().strip().split("\\s+"));
        if (words.isEmpty()) {
            return List.of();
        }
        String program = words.getFirst();
        String base = program.replaceFirst(".*/", "");
        if (INIT_PROGRAMS.contains(program) || INIT_PROGRAMS.contains(base)) {
            return List.of();
        }
        if (base.equals("java")) {
            // The JVM installs its own SIGTERM, SIGINT and SIGHUP handlers and runs the shutdown hooks,
            // and a Java service rarely leaves orphaned child processes to reap.
            return List.of();
        }
        return List.of(Violation.at(start, "PID 1 is " + program + ". The kernel ignores SIGTERM for PID 1 unless the program"
                + " handles it, and orphaned child processes are never reaped. Start it through tini or dumb-init in ENTRYPOINT"));
    }

    private static List<Violation> devDependencies(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        Optional<Stage> last = dockerfile.finalStage();
        if (last.isEmpty()) {
            return found;
        }
        for (Instruction instruction : last.get().effectiveInstructions()) {
            if (!instruction.is("RUN")) {
                continue;
            }
            Map<String, String> variables = StageScope.variables(dockerfile, instruction);
            boolean productionEnv = "production".equals(variables.get("NODE_ENV"));
            for (Command npm : RunCommand.of(instruction).commands("npm")) {
                List<String> positional = npm.positional();
                if (positional.isEmpty()) {
                    continue;
                }
                String subcommand = positional.getFirst();
                boolean installsAll = subcommand.equals("ci") || subcommand.equals("install") && positional.size() == 1;
                if (!installsAll || npm.words().stream().anyMatch(word -> word.equals("NODE_ENV=production"))) {
                    continue;
                }
                if (npm.hasFlag("--production") || npm.arguments().contains("--only=production")
                        || npm.arguments().contains("--only=prod")) {
                    found.add(Violation.at(instruction, "npm " + subcommand
                            + " --production and --only=production are deprecated; use --omit=dev"));
                } else if (!npm.arguments().contains("--omit=dev") && !productionEnv) {
                    found.add(Violation.at(instruction, "npm " + subcommand
                            + " in the final stage installs dev dependencies into the image; add --omit=dev"));
                }
            }
        }
        return found;
    }
}
