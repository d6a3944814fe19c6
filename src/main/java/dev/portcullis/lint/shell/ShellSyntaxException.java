package dev.portcullis.lint.shell;

/** Raised when a word cannot be expanded: an unterminated quote or a malformed {@code ${...}}. */
public final class ShellSyntaxException extends Exception {

    public ShellSyntaxException(String message) {
        super(message);
    }
}
