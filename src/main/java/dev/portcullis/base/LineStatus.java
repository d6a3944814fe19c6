package dev.portcullis.base;

import dev.portcullis.vulndb.ReleaseCycle;
import java.time.LocalDate;

/**
 * A release line with its phase on the date of the check.
 *
 * @param product the lifecycle product, for example {@code nodejs} or {@code debian}
 * @param line the line, for example {@code 20} or {@code 12}
 * @param codename the codename in lower case, or null
 * @param phase the phase on the date of the check
 * @param released the first release of the line
 * @param ltsFrom start of active LTS (Node.js), or null
 * @param maintenanceFrom start of maintenance, or null
 * @param endOfLife end of regular support
 * @param ltsEnd end of free long-term support (Debian LTS, Ubuntu ESM), or null
 * @param extendedEnd end of commercial extended support, or null
 * @param source the lifecycle source the dates come from
 */
public record LineStatus(
        String product,
        String line,
        String codename,
        SupportPhase phase,
        LocalDate released,
        LocalDate ltsFrom,
        LocalDate maintenanceFrom,
        LocalDate endOfLife,
        LocalDate ltsEnd,
        LocalDate extendedEnd,
        String source) {

    static LineStatus of(ReleaseCycle cycle, SupportPhase phase) {
        return new LineStatus(cycle.product(), cycle.cycle(), cycle.codename(), phase, cycle.released(), cycle.ltsFrom(),
                cycle.maintenanceFrom(), cycle.endOfLife(), cycle.ltsEnd(), cycle.extendedEnd(), cycle.source());
    }
}
