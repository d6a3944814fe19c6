package dev.portcullis.audit;

/** An input that cannot be audited at all: not YAML, an alias bomb, a required variable that is unset. */
public final class AuditInputException extends Exception {

    private final transient SourceLocation location;

    public AuditInputException(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public AuditInputException(SourceLocation location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
