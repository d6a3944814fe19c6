package dev.portcullis.match;

/**
 * One severity rating of a finding with the party that gave it.
 *
 * @param source who rated it, for example {@code debian-tracker}, {@code nvd@nist.gov}, {@code ghsa}
 * @param type the kind of rating, for example {@code DEBIAN_URGENCY}, {@code CVSS_V3.1},
 *     {@code GHSA}, {@code NODEJS}
 * @param level the rating on the common scale
 * @param score the numeric score when the source gives one, or null
 * @param vector the CVSS vector or the level word as the source wrote it
 */
public record Rating(String source, String type, Level level, Double score, String vector) {}
