package dev.portcullis.vulndb;

import java.time.LocalDate;

/**
 * The FIRST EPSS estimate for one CVE on one day.
 *
 * @param cve the CVE id
 * @param epss the estimated probability of exploitation in the next 30 days, 0 to 1
 * @param percentile the share of scored CVEs with an equal or lower score, 0 to 1
 * @param date the day the score was computed ({@code score_date} in the CSV's comment line)
 * @param modelVersion the model version from the same line, or null
 */
public record EpssScore(String cve, double epss, double percentile, LocalDate date, String modelVersion) {}
