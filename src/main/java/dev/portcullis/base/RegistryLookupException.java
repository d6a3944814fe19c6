package dev.portcullis.base;

/** The failure of a registry query during a base check. The message names the registry and the reason. */
public final class RegistryLookupException extends Exception {

    public RegistryLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
