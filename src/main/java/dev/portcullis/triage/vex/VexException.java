package dev.portcullis.triage.vex;

/** A VEX or decisions file that cannot be used at all; the message names the file and the fix. */
public final class VexException extends Exception {

    public VexException(String message, Throwable cause) {
        super(message, cause);
    }

    public VexException(String message) {
        super(message);
    }
}
