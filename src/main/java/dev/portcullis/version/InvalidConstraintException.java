package dev.portcullis.version;

/**
 * Thrown when a constraint or range cannot be read, for example
 * {@code invalid npm constraint ">= 1.0 <<": unknown operator "<<"}.
 */
public final class InvalidConstraintException extends IllegalArgumentException {

    private final String text;

    public InvalidConstraintException(VersionScheme scheme, String text, String reason) {
        super("invalid " + scheme.versName() + " constraint \"" + text + "\": " + reason);
        this.text = text;
    }

    public InvalidConstraintException(VersionScheme scheme, String text, String reason, Throwable cause) {
        this(scheme, text, reason);
        initCause(cause);
    }

    /** The rejected constraint text, unchanged. */
    public String text() {
        return text;
    }
}
