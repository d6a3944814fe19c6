package dev.portcullis.vulndb.update;

import java.net.URI;

/**
 * One file to download.
 *
 * @param uri where the publisher serves it
 * @param mirrorPath the path of the same file below a mirror's base address, for example
 *     {@code osv/npm/all.zip}; it also names the downloaded file
 */
public record FeedDownload(URI uri, String mirrorPath) {

    /** Returns the same file fetched from a mirror: the base address with {@link #mirrorPath()} appended. */
    public FeedDownload fromMirror(URI base) {
        String text = base.toString();
        String folder = text.endsWith("/") ? text : text + "/";
        return new FeedDownload(URI.create(folder + mirrorPath), mirrorPath);
    }
}
