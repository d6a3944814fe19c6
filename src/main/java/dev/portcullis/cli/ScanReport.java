package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.match.MatchResult;
import dev.portcullis.report.config.ConfigurationReport;

/**
 * The output of {@code scan}: the inventory, the match result when a vulnerability database was used, and
 * the configuration findings.
 *
 * @param matches the findings, or null for a scan without a database
 * @param configuration the lint and audit findings that the scan folds into its report
 */
record ScanReport(Inventory inventory, MatchResult matches, ConfigurationReport configuration) {}
