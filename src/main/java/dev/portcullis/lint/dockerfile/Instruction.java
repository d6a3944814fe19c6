package dev.portcullis.lint.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One instruction placed in its build stage. An ONBUILD trigger is also visible as its own
 * instruction through {@link #effective()}, so rules about RUN see {@code ONBUILD RUN} too.
 *
 * @param node the parsed instruction
 * @param stageIndex index of the stage it belongs to, -1 for ARG before the first FROM
 * @param onbuild true when this is the instruction inside an ONBUILD
 */
public record Instruction(Node node, int stageIndex, boolean onbuild) {

    /** Returns the keyword in upper case. */
    public String keyword() {
        return node.instruction();
    }

    public boolean is(String keyword) {
        return node.instruction().equals(keyword);
    }

    public List<String> arguments() {
        return node.values();
    }

    /** Returns the arguments joined by spaces: the command text of a shell-form RUN, CMD or ENTRYPOINT. */
    public String text() {
        return String.join(" ", node.values());
    }

    public boolean json() {
        return node.json();
    }

    public SourceRange range() {
        return node.range();
    }

    public List<Heredoc> heredocs() {
        return node.heredocs();
    }

    /** Returns the value of {@code --name=value}, or an empty string for a bare {@code --name}. */
    public Optional<String> flag(String name) {
        for (String flag : node.flags()) {
            String body = flag.startsWith("--") ? flag.substring(2) : flag;
            int equals = body.indexOf('=');
            String key = equals < 0 ? body : body.substring(0, equals);
            if (key.toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(equals < 0 ? "" : body.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    /** Returns every value given for a flag that may repeat, such as {@code --mount}. */
    public List<String> flags(String name) {
        return node.flags().stream()
                .filter(flag -> flag.toLowerCase(Locale.ROOT).startsWith("--" + name + "=")
                        || flag.equalsIgnoreCase("--" + name))
                .map(flag -> flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : "")
                .toList();
    }

    /** Returns this instruction, or for ONBUILD the trigger instruction inside it. */
    public Instruction effective() {
        if (is("ONBUILD") && node.child() != null) {
            return new Instruction(node.child(), stageIndex, true);
        }
        return this;
    }
}
