package dev.portcullis.lint.dockerfile;

/**
 * A span of Dockerfile text, 1-based and inclusive, as shown to users in {@code file:line:column}.
 *
 * @param startLine line of the instruction keyword
 * @param startColumn column of the first character of the keyword
 * @param endLine last line of the instruction, including continuation lines and heredoc bodies
 * @param endColumn column of the last character on the end line
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {

    /** Returns a range covering one position. */
    public static SourceRange at(int line, int column) {
        return new SourceRange(line, column, line, column);
    }
}
