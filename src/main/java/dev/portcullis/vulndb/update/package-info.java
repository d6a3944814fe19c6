/**
 * Downloading of the vulnerability feeds for {@code portcullis db update}: each feed is fetched
 * over HTTPS (or from a mirror with the same layout) into a temporary folder and then imported
 * with {@link dev.portcullis.vulndb.feed.FeedImport}, so a download adds nothing the offline
 * import would not.
 */
package dev.portcullis.vulndb.update;
