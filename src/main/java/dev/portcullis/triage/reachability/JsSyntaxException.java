package dev.portcullis.triage.reachability;

/** Raised when JavaScript source cannot be split into tokens, for example an unterminated string. */
final class JsSyntaxException extends Exception {

    JsSyntaxException(String message, int line) {
        super(message + " at line " + line);
    }
}
