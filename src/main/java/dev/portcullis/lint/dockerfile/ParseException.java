package dev.portcullis.lint.dockerfile;

/**
 * Raised when a Dockerfile cannot be used at all: BuildKit would reject it before building.
 * The message starts with {@code file:line:column}.
 */
public final class ParseException extends Exception {

    private final String file;
    private final int line;
    private final int column;

    public ParseException(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
