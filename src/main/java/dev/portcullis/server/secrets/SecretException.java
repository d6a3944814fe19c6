package dev.portcullis.server.secrets;

/** A stored secret that cannot be decrypted, or a server key that cannot be read. */
public final class SecretException extends Exception {

    public SecretException(String message) {
        super(message);
    }
}
