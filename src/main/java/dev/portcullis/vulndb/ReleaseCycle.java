package dev.portcullis.vulndb;

import java.time.LocalDate;

/**
 * One release line of a product with the dates of its support phases, for example Node.js 20 or
 * Debian 12. A date a source does not give is null.
 *
 * @param product the product key: {@code nodejs}, {@code debian}, {@code ubuntu}, {@code alpine}, or an
 *     endoflife.date product name such as {@code python}
 * @param cycle the release line as the source names it: {@code 20}, {@code 12}, {@code 22.04}, {@code 3.20}
 * @param codename the lower-case codename ({@code iron}, {@code bookworm}, {@code jammy}), or null
 * @param released the first release of the line
 * @param ltsFrom when the line became a long-term support line (Node.js active LTS), or null
 * @param maintenanceFrom when the line entered maintenance (Node.js), or null
 * @param endOfLife when regular (security) support ends; for Debian the {@code eol} column and
 *     for Ubuntu the end of standard support
 * @param ltsEnd when free long-term support ends (Debian LTS, Ubuntu ESM), or null
 * @param extendedEnd when commercial extended support ends (Debian ELTS, Ubuntu legacy support), or null
 * @param latest the newest version of the line the source names, or null
 * @param source the source name, for example {@code node-release-schedule}
 */
public record ReleaseCycle(
        String product,
        String cycle,
        String codename,
        LocalDate released,
        LocalDate ltsFrom,
        LocalDate maintenanceFrom,
        LocalDate endOfLife,
        LocalDate ltsEnd,
        LocalDate extendedEnd,
        String latest,
        String source) {}
