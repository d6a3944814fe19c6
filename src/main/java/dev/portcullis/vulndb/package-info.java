/**
 * The local vulnerability database: advisories from each feed as the feed wrote them, CISA KEV
 * entries, EPSS scores and NVD CVSS metrics, stored in one SQLite file.
 *
 * <p>Ranges and status words are stored unevaluated. Version comparison belongs to the matcher,
 * which picks a comparator from each range's {@link dev.portcullis.vulndb.VersionRange#scheme()}.
 * Importers live in {@link dev.portcullis.vulndb.feed}.
 */
package dev.portcullis.vulndb;
