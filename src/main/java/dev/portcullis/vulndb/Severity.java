package dev.portcullis.vulndb;

/**
 * One severity rating with the party that gave it.
 *
 * @param source who rated it, for example {@code ghsa}, {@code nvd}, {@code debian-tracker}
 * @param type the kind of rating: {@code CVSS_V3}, {@code CVSS_V4}, {@code GHSA} (a level such as
 *     {@code HIGH}), {@code DEBIAN_URGENCY} (the tracker's urgency for unstable; per-release
 *     urgencies stay in {@link DistroStatus#urgency()}), {@code NODEJS} (the Node.js working
 *     group's level)
 * @param score a numeric score when the source gives one, or null
 * @param vector the CVSS vector or the level word, as the source wrote it
 */
public record Severity(String source, String type, Double score, String vector) {}
