package dev.portcullis.vulndb;

import java.nio.file.Path;

/** The vulnerability database file is missing, unreadable, of another schema version, or failed to write. */
public class VulnDbException extends Exception {

    private final Path path;

    public VulnDbException(Path path, String message) {
        super(message);
        this.path = path;
    }

    public VulnDbException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** Returns the database file concerned. */
    public Path path() {
        return path;
    }
}
