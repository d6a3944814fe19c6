package dev.portcullis.triage.imported;

/** A scanner report that cannot be used at all: unreadable, not JSON, or neither Trivy nor Grype. */
public final class ScannerReportException extends Exception {

    public ScannerReportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScannerReportException(String message) {
        super(message);
    }
}
