package dev.portcullis.vulndb;

import java.time.Instant;

/**
 * One source held in the database.
 *
 * @param name the source name, for example {@code ghsa} or {@code debian-tracker}
 * @param lastModified the newest date the source's own data carries, or null when it carries none
 * @param recordCount how many records of this source the database contains
 * @param importedAt when this source was last imported
 */
public record SourceInfo(String name, Instant lastModified, long recordCount, Instant importedAt) {}
