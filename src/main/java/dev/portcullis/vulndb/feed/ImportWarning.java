package dev.portcullis.vulndb.feed;

/**
 * A part of an input that was left out of the import.
 *
 * @param location the file, and the record inside it when there is one, for example
 *     {@code ghsa.zip!GHSA-xxxx.json} or {@code index.json#12}
 * @param reason what was wrong and what happened to it
 */
public record ImportWarning(String location, String reason) {

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
