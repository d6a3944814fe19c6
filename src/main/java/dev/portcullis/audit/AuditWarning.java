package dev.portcullis.audit;

/** A problem in the input that did not stop the audit, for example an unknown key or a missing extends file. */
public record AuditWarning(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
