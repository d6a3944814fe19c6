package dev.portcullis.base;

/** An input a base check cannot use at all, such as a Dockerfile without FROM. */
public final class BaseInputException extends Exception {

    public BaseInputException(String message) {
        super(message);
    }
}
