package dev.portcullis.lint.rules;

import dev.portcullis.lint.dockerfile.Heredoc;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.shell.Command;
import dev.portcullis.lint.shell.ShellScript;
import dev.portcullis.lint.shell.ShellTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A RUN instruction with its shell script tokenized and its {@code --mount} flags read.
 *
 * <p>The script is the shell-form text followed by here-document bodies; an exec-form RUN becomes one
 * command with the array's words.
 *
 * @param instruction the RUN, or the RUN inside an ONBUILD
 * @param script the commands it runs
 */
public record RunCommand(Instruction instruction, ShellScript script) {

    private static final ShellTokenizer TOKENIZER = new ShellTokenizer();

    /** Returns the RUN with its script, reading exec form as one command. */
    public static RunCommand of(Instruction run) {
        if (run.json()) {
            List<Command> single = run.arguments().isEmpty() ? List.of() : List.of(new Command(run.arguments(), 0, false));
            return new RunCommand(run, new ShellScript(single, List.of(), run.text()));
        }
        StringBuilder text = new StringBuilder(run.text());
        for (Heredoc heredoc : run.heredocs()) {
            text.append('\n').append(heredoc.effectiveContent());
        }
        return new RunCommand(run, TOKENIZER.tokenize(text.toString()));
    }

    public List<Command> commands() {
        return script.commands();
    }

    public List<Command> commands(String program) {
        return script.commands(program);
    }

    /** Returns true when a cache or tmpfs mount targets exactly this path. */
    public boolean mountsCacheAt(String path) {
        for (String mount : instruction.flags("mount")) {
            String type = "bind";
            String target = "";
            for (String option : mount.split(",")) {
                String[] pair = option.split("=", 2);
                String key = pair[0].strip().toLowerCase(Locale.ROOT);
                String value = pair.length > 1 ? pair[1].strip() : "";
                if (key.equals("type")) {
                    type = value;
                } else if (key.equals("target") || key.equals("dst") || key.equals("destination")) {
                    target = value.endsWith("/") && value.length() > 1 ? value.substring(0, value.length() - 1) : value;
                }
            }
            if ((type.equals("cache") || type.equals("tmpfs")) && path.equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the index of each command in the script that satisfies the test. */
    public List<Integer> indexes(java.util.function.Predicate<Command> test) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < commands().size(); i++) {
            if (test.test(commands().get(i))) {
                found.add(i);
            }
        }
        return found;
    }

    /** Returns true when every command matching {@code action} is followed later by one matching {@code cleanup}. */
    public boolean cleanedAfter(java.util.function.Predicate<Command> action, java.util.function.Predicate<Command> cleanup) {
        List<Integer> actions = indexes(action);
        List<Integer> cleanups = indexes(cleanup);
        if (actions.isEmpty()) {
            return true;
        }
        int lastAction = actions.getLast();
        return cleanups.stream().anyMatch(index -> index > lastAction);
    }
}
