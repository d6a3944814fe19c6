package dev.portcullis.lint.shellcheck;

/** Raised when the shellcheck program fails, times out or prints output that is not its JSON format. */
public final class ShellCheckException extends Exception {

    public ShellCheckException(String message) {
        super(message);
    }

    public ShellCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
