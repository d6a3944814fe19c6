package dev.portcullis.server.analysis;

/** Thrown when an uploaded document is not a CycloneDX JSON SBOM the server can store. */
public final class InvalidSbomException extends Exception {

    public InvalidSbomException(String message) {
        super(message);
    }
}
