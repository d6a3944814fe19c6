package dev.portcullis.lint.shellcheck;

import dev.portcullis.lint.dockerfile.SourceRange;
import java.util.List;

/**
 * The shell script of one RUN instruction, laid out so ShellCheck's line numbers map back to the
 * Dockerfile.
 *
 * <p>Example: {@code RUN apt-get update && \} on line 4 followed by {@code     apt-get install curl}
 * on line 5 gives a body of two lines with {@code fileLines = [4, 5]} and {@code firstColumn = 5}.
 *
 * @param dialect the ShellCheck dialect: {@code sh}, {@code bash}, {@code dash} or {@code ksh}
 * @param variables names the build defines for the script (ARG, ENV and the proxy variables)
 * @param body the script lines as the shell reads them
 * @param fileLines the Dockerfile line of each body line
 * @param firstColumn the Dockerfile column where the first body line starts
 * @param instruction the RUN instruction, where ignore comments apply
 */
public record RunScript(String dialect, List<String> variables, List<String> body, List<Integer> fileLines,
        int firstColumn, SourceRange instruction) {

    public RunScript {
        variables = List.copyOf(variables);
        body = List.copyOf(body);
        fileLines = List.copyOf(fileLines);
    }

    /** Returns the text handed to ShellCheck: one {@code export NAME=1} line per variable, then the body. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String name : variables) {
            text.append("export ").append(name).append("=1\n");
        }
        for (String line : body) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** Maps a ShellCheck position (1-based line and column in {@link #text()}) to the Dockerfile. */
    public SourceRange toFile(int line, int column, int endLine, int endColumn) {
        int first = Math.clamp(line - variables.size() - 1, 0, body.size() - 1);
        int last = Math.clamp(endLine - variables.size() - 1, first, body.size() - 1);
        int startColumn = first == 0 ? column + firstColumn - 1 : column;
        // ShellCheck's end column is exclusive but SourceRange's is inclusive.
        int lastColumn = Math.max(1, (last == 0 ? endColumn + firstColumn - 1 : endColumn) - 1);
        if (fileLines.get(first).equals(fileLines.get(last)) && lastColumn < startColumn) {
            lastColumn = startColumn;
        }
        return new SourceRange(fileLines.get(first), startColumn, fileLines.get(last), lastColumn);
    }
}
