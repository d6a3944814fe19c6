package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.ERROR;
import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.STYLE;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules about single instructions and their order inside a stage. */
final class InstructionRules {

    private static final Pattern LABEL_KEY = Pattern.compile("^[a-z]([a-z0-9]|[.-](?=[a-z0-9]))*$");
    private static final Set<String> FORBIDDEN_IN_ONBUILD = Set.of("ONBUILD", "FROM", "MAINTAINER");

    private InstructionRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D000", "DL3000", null, ERROR, "Use an absolute WORKDIR")
                        .each("WORKDIR", workdir -> !workdir.arguments().isEmpty()
                                && !CopyRules.isAbsolute(workdir.arguments().getFirst())),
                rule("PC-D011", "DL3011", null, ERROR, "EXPOSE ports must be between 0 and 65535")
                        .each("EXPOSE", expose -> expose.arguments().stream().anyMatch(InstructionRules::invalidPort)),
                rule("PC-D012", "DL3012", null, ERROR, "A stage can have only one HEALTHCHECK")
                        .whole((file, config) -> repeated(file, "HEALTHCHECK")),
                rule("PC-D025", "DL3025", null, WARNING, "Use JSON (exec) form for CMD and ENTRYPOINT so signals reach the process")
                        .whole(InstructionRules::shellFormCommands),
                rule("PC-D043", "DL3043", null, ERROR, "ONBUILD cannot hold ONBUILD, FROM or MAINTAINER")
                        .whole((file, config) -> file.instructions().stream()
                                .filter(instruction -> instruction.is("ONBUILD") && instruction.node().child() != null
                                        && FORBIDDEN_IN_ONBUILD.contains(instruction.node().child().instruction()))
                                .map(Violation::at).toList()),
                rule("PC-D044", "DL3044", null, ERROR, "Do not refer to a variable in the same ENV instruction that defines it")
                        .each("ENV", InstructionRules::selfReferencing),
                rule("PC-D048", "DL3048", null, STYLE, "Label keys must be lower-case words joined by . or -, outside Docker's namespaces")
                        .each("LABEL", label -> labelKeys(label).stream().anyMatch(InstructionRules::invalidLabelKey)),
                rule("PC-D059", "DL3059", null, INFO, "Merge consecutive RUN instructions to save layers")
                        .whole(InstructionRules::consecutiveRuns),
                rule("PC-D403", "DL4003", null, WARNING, "A stage can have only one CMD; earlier ones have no effect")
                        .whole((file, config) -> repeated(file, "CMD")),
                rule("PC-D404", "DL4004", null, ERROR, "A stage can have only one ENTRYPOINT; earlier ones have no effect")
                        .whole((file, config) -> repeated(file, "ENTRYPOINT")));
    }

    private static boolean invalidPort(String port) {
        String bare = port.replaceFirst("/(tcp|udp|sctp)$", "");
        for (String part : bare.split("-")) {
            if (part.contains("$") || !part.matches("\\d+")) {
                continue;
            }
            if (part.length() > 5 || Integer.parseInt(part) > 65535) {
                return true;
            }
        }
        return false;
    }

    private static List<Violation> repeated(Dockerfile dockerfile, String keyword) {
        List<Violation> found = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            List<Instruction> matching = stage.instructions().stream().filter(instruction -> instruction.is(keyword)).toList();
            for (int i = 1; i < matching.size(); i++) {
                found.add(Violation.at(matching.get(i), "Only the last " + keyword + " of a stage takes effect"));
            }
        }
        return found;
    }

    private static List<Violation> shellFormCommands(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        for (Instruction instruction : dockerfile.effectiveInstructions()) {
            boolean command = instruction.is("CMD") || instruction.is("ENTRYPOINT");
            boolean healthcheck = instruction.is("HEALTHCHECK") && !instruction.arguments().isEmpty()
                    && instruction.arguments().getFirst().equalsIgnoreCase("CMD") && instruction.arguments().size() > 1;
            if (command && !instruction.arguments().isEmpty() && !instruction.json()) {
                found.add(Violation.at(instruction));
            } else if (healthcheck && !instruction.json()) {
                // Hadolint reports this too, but signals are not the reason: the check runs through /bin/sh.
                found.add(Violation.at(instruction, "HEALTHCHECK CMD in shell form runs through /bin/sh, which minimal images"
                        + " lack; use the JSON form, for example HEALTHCHECK CMD [\"/app/healthcheck\"]"));
            }
        }
        return found;
    }

    private static boolean selfReferencing(Instruction env) {
        List<String> triples = env.arguments();
        List<String> defined = new ArrayList<>();
        for (int i = 0; i + 1 < triples.size(); i += 3) {
            String value = triples.get(i + 1);
            for (String name : defined) {
                if (Pattern.compile("\\$(\\{" + Pattern.quote(name) + "[}:]|" + Pattern.quote(name) + "(?![A-Za-z0-9_]))")
                        .matcher(value).find()) {
                    return true;
                }
            }
            defined.add(triples.get(i));
        }
        return false;
    }

    static List<String> labelKeys(Instruction label) {
        List<String> keys = new ArrayList<>();
        List<String> triples = label.arguments();
        for (int i = 0; i < triples.size(); i += 3) {
            keys.add(StageScope.unquote(triples.get(i)));
        }
        return keys;
    }

    private static boolean invalidLabelKey(String key) {
        return key.startsWith("com.docker.") || key.startsWith("io.docker.") || key.startsWith("org.dockerproject.")
                || !LABEL_KEY.matcher(key).matches();
    }

    private static List<Violation> consecutiveRuns(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            Instruction previous = null;
            for (Instruction instruction : stage.effectiveInstructions()) {
                if (instruction.is("RUN") && previous != null && previous.is("RUN") && single(previous) && single(instruction)
                        && previous.node().flags().equals(instruction.node().flags())) {
                    found.add(Violation.at(instruction));
                }
                previous = instruction;
            }
        }
        return found;
    }

    private static boolean single(Instruction run) {
        return RunCommand.of(run).commands().size() <= 1;
    }
}
