package dev.portcullis.vulndb;

/** A query on an open vulnerability database failed, for example because the file was damaged. */
public class VulnDbQueryException extends RuntimeException {

    public VulnDbQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
