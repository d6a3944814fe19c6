package dev.portcullis.lint.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One simple command of a shell script, with quotes removed from its words.
 *
 * <p>Example: in {@code DEBIAN_FRONTEND=noninteractive apt-get install -qy curl > /dev/null},
 * {@link #name()} is {@code apt-get}, {@link #arguments()} is {@code [install, -qy, curl]} and
 * {@link #hasFlag} finds {@code -y} inside {@code -qy}.
 *
 * @param words the words without redirections, environment assignments included
 * @param pipeline number of the pipeline the command belongs to, counted from 0 in the script
 * @param pipedFrom true when another command's output is piped into this one
 */
public record Command(List<String> words, int pipeline, boolean pipedFrom) {

    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*");

    public Command {
        words = List.copyOf(words);
    }

    /** Returns the program name, skipping leading {@code NAME=value} assignments; empty when there is none. */
    public String name() {
        int start = nameIndex();
        return start < words.size() ? words.get(start) : "";
    }

    /** Returns the words after the program name. */
    public List<String> arguments() {
        int start = nameIndex();
        return start < words.size() ? words.subList(start + 1, words.size()) : List.of();
    }

    /** Returns true for a program name with or without a directory, {@code apt-get} or {@code /usr/bin/apt-get}. */
    public boolean is(String program) {
        String name = name();
        return name.equals(program) || name.endsWith("/" + program);
    }

    /**
     * Returns true when any of the flags is present: {@code -y} also matches inside a cluster such as
     * {@code -qy}, and {@code --yes} also matches {@code --yes=true}.
     */
    public boolean hasFlag(String... flags) {
        for (String argument : arguments()) {
            if (argument.equals("--")) {
                return false;
            }
            for (String flag : flags) {
                if (matchesFlag(argument, flag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesFlag(String argument, String flag) {
        if (flag.startsWith("--")) {
            return argument.equals(flag) || argument.startsWith(flag + "=");
        }
        if (flag.length() == 2 && argument.startsWith("-") && !argument.startsWith("--") && argument.length() > 1) {
            return argument.substring(1).indexOf(flag.charAt(1)) >= 0 && !argument.contains("=");
        }
        return argument.equals(flag);
    }

    /** Returns the value of a flag written as {@code --flag=value}, {@code --flag value} or {@code -f value}. */
    public List<String> flagValues(String... flags) {
        List<String> values = new ArrayList<>();
        List<String> arguments = arguments();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            for (String flag : flags) {
                if (argument.startsWith(flag + "=") && flag.startsWith("--")) {
                    values.add(argument.substring(flag.length() + 1));
                } else if (argument.equals(flag) && i + 1 < arguments.size()) {
                    values.add(arguments.get(i + 1));
                }
            }
        }
        return values;
    }

    /**
     * Returns the arguments that are not flags; {@code valueFlags} names the flags that take the next
     * word as their value, so that word is skipped too.
     */
    public List<String> positional(Set<String> valueFlags) {
        List<String> result = new ArrayList<>();
        List<String> arguments = arguments();
        boolean afterDoubleDash = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (afterDoubleDash) {
                result.add(argument);
            } else if (argument.equals("--")) {
                afterDoubleDash = true;
            } else if (argument.startsWith("-") && argument.length() > 1) {
                if (valueFlags.contains(argument)) {
                    i++;
                }
            } else {
                result.add(argument);
            }
        }
        return result;
    }

    /** Returns the positional arguments when no flag takes a value. */
    public List<String> positional() {
        return positional(Set.of());
    }

    private int nameIndex() {
        int index = 0;
        while (index < words.size() && ASSIGNMENT.matcher(words.get(index)).matches()) {
            index++;
        }
        return index;
    }
}
