package dev.portcullis.audit.output;

/** Output formats of {@code portcullis audit}. */
public enum AuditFormat {
    TABLE,
    JSON,
    SARIF
}
