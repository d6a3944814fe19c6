package dev.portcullis.lint.rules;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import dev.portcullis.lint.shell.ShellLexer;
import dev.portcullis.lint.shell.ShellSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the stages that feed the shipped image and the variables an instruction can read, as
 * BuildKit scopes them. ENV is inherited from a parent stage named in FROM. An ARG before the first
 * FROM is visible in a stage only when the stage declares it again, and an ARG inside a stage lasts
 * until the stage ends.
 */
public final class StageScope {

    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private StageScope() {
    }

    /** Returns the final stage and every stage it is built FROM, directly or through others. */
    static Set<Integer> shippedStages(Dockerfile dockerfile) {
        Set<Integer> shipped = new HashSet<>();
        Optional<Stage> current = dockerfile.finalStage();
        while (current.isPresent() && shipped.add(current.get().index())) {
            current = parent(dockerfile, current.get());
        }
        return shipped;
    }

    /** Returns the stage this one is built FROM, when FROM names an earlier stage. */
    public static Optional<Stage> parent(Dockerfile dockerfile, Stage stage) {
        return stage.baseImage().flatMap(base -> dockerfile.stages().stream()
                .filter(other -> other.index() < stage.index())
                .filter(other -> other.name().map(base::equalsIgnoreCase).orElse(false))
                .reduce((first, second) -> second));
    }

    /** Returns the stage and its ancestors, the stage itself first. */
    public static List<Stage> lineage(Dockerfile dockerfile, Stage stage) {
        List<Stage> lineage = new ArrayList<>();
        Optional<Stage> current = Optional.of(stage);
        while (current.isPresent() && !lineage.contains(current.get())) {
            lineage.add(current.get());
            current = parent(dockerfile, current.get());
        }
        return lineage;
    }

    /** Returns the ARG and ENV values visible at an instruction (an unset ARG maps to an empty value). */
    public static Map<String, String> variables(Dockerfile dockerfile, Instruction at) {
        Map<String, String> globals = new LinkedHashMap<>();
        for (Instruction arg : dockerfile.globalArgs()) {
            arguments(arg).forEach(globals::put);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (at.stageIndex() < 0) {
            return globals;
        }
        Stage stage = dockerfile.stages().get(at.stageIndex());
        if (stage.from() == null) {
            // Without FROM there is no stage boundary, so ARGs declared above stay visible.
            values.putAll(globals);
        }
        char escape = dockerfile.directives().escape();
        List<Stage> lineage = lineage(dockerfile, stage);
        for (int i = lineage.size() - 1; i >= 0; i--) {
            Stage current = lineage.get(i);
            for (Instruction instruction : current.effectiveInstructions()) {
                if (current == stage && instruction.range().startLine() >= at.range().startLine()) {
                    break;
                }
                if (instruction.is("ENV")) {
                    List<String> triples = instruction.arguments();
                    for (int k = 0; k + 1 < triples.size(); k += 3) {
                        values.put(triples.get(k), evaluate(triples.get(k + 1), values, escape));
                    }
                } else if (instruction.is("ARG") && current == stage) {
                    for (Map.Entry<String, String> arg : arguments(instruction).entrySet()) {
                        String value = arg.getValue().isEmpty() ? globals.getOrDefault(arg.getKey(), "")
                                : evaluate(arg.getValue(), values, escape);
                        values.put(arg.getKey(), value);
                    }
                }
            }
        }
        return values;
    }

    /** Expands and unquotes an ENV or ARG value as BuildKit does when it records the variable. */
    private static String evaluate(String raw, Map<String, String> variables, char escape) {
        try {
            return ShellLexer.standard(escape).process(raw, name -> Optional.ofNullable(variables.get(name)));
        } catch (ShellSyntaxException e) {
            return unquote(raw);
        }
    }

    /** Replaces {@code $NAME} and {@code ${NAME}} with known values and leaves unknown ones as written. */
    static String expand(String text, Map<String, String> variables) {
        Matcher match = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (match.find()) {
            String name = match.group(1) != null ? match.group(1) : match.group(2);
            String value = variables.get(name);
            match.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : match.group()));
        }
        match.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> arguments(Instruction arg) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String word : arg.arguments()) {
            int equals = word.indexOf('=');
            values.put(equals < 0 ? word : word.substring(0, equals), equals < 0 ? "" : unquote(word.substring(equals + 1)));
        }
        return values;
    }

    static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
