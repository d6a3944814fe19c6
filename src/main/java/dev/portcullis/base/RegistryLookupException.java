package dev.portcullis.base;

/** A registry query of a base check failed; the message names the registry and the reason. */
public final class RegistryLookupException extends Exception {

    public RegistryLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
