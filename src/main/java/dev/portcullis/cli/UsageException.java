package dev.portcullis.cli;

/** A user mistake or unusable input that ends the command with exit code 2 and this message. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
