package dev.portcullis.image;

/**
 * Input that cannot be used at all: a corrupt archive, a missing layer, an unknown format. The message
 * names the file and entry and says what to do; the command line turns it into exit code 2.
 */
public class ImageException extends Exception {

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
