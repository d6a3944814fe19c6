package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.match.MatchResult;

/**
 * The output of {@code scan}: the inventory, and the match result when a vulnerability database was used.
 *
 * @param matches the findings, or null for a scan without a database
 */
record ScanReport(Inventory inventory, MatchResult matches) {}
