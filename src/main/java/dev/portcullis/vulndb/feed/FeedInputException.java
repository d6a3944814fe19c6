package dev.portcullis.vulndb.feed;

/** An import input cannot be used at all: it is missing, unreadable, or of no known feed. */
public class FeedInputException extends Exception {

    public FeedInputException(String message) {
        super(message);
    }
}
