package dev.portcullis.audit;

/**
 * The place an audited setting was written.
 *
 * @param file the file name as given, or a label such as {@code <command line>} or an image reference
 * @param line 1-based line, or 0 when the source has no lines (a command-line argument, an image config)
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }

    /** Returns {@code file:line} when the line is known and the bare file otherwise. */
    @Override
    public String toString() {
        return hasLine() ? file + ":" + line : file;
    }
}
