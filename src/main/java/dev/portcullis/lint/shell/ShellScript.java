package dev.portcullis.lint.shell;

import java.util.List;
import java.util.function.Predicate;

/**
 * The simple commands of a shell script, in order, with the pipelines they form.
 *
 * @param commands every simple command, including those inside subshells and braces
 * @param pipelines the pipelines, each listing two or more commands joined by {@code |}
 * @param source the script text
 */
public record ShellScript(List<Command> commands, List<List<Command>> pipelines, String source) {

    public ShellScript {
        commands = List.copyOf(commands);
        pipelines = pipelines.stream().map(List::copyOf).toList();
    }

    /** Returns the commands running the given program. */
    public List<Command> commands(String program) {
        return commands.stream().filter(command -> command.is(program)).toList();
    }

    public boolean anyCommand(Predicate<Command> test) {
        return commands.stream().anyMatch(test);
    }
}
