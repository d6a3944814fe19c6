package dev.portcullis.base;

import dev.portcullis.vulndb.ReleaseCycle;
import java.time.LocalDate;

/**
 * The support phase of a release line on a given date. A phase starts on its date: Node.js 20, whose end
 * is 2026-04-30, is at end of life on 2026-04-30.
 */
public enum SupportPhase {
    /** Announced but not yet released. */
    PREVIEW("not yet released"),
    /** Released and fully supported; for Node.js an odd or not yet LTS line ("current"). */
    ACTIVE("active"),
    /** A Node.js line in active long-term support. */
    ACTIVE_LTS("active LTS"),
    /** Only critical and security fixes. */
    MAINTENANCE("maintenance"),
    /** A distro release with regular security support. */
    SECURITY_SUPPORT("security support"),
    /** A distro release past regular security support and covered by free long-term support (Debian LTS, Ubuntu ESM). */
    LTS("LTS"),
    /** Only commercial extended support is left (Debian ELTS, Ubuntu legacy support). */
    EXTENDED("extended support only"),
    /** No support. */
    END_OF_LIFE("end of life"),
    /** The data has no dates for the line. */
    UNKNOWN("unknown");

    private final String label;

    SupportPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns whether nothing but paid support, or nothing at all, is left. */
    public boolean isEndOfLife() {
        return this == END_OF_LIFE || this == EXTENDED;
    }

    /** Returns whether a team can move to a line in this phase. */
    public boolean isSupported() {
        return this == ACTIVE || this == ACTIVE_LTS || this == MAINTENANCE || this == SECURITY_SUPPORT || this == LTS;
    }

    /** Returns the phase of a runtime line such as Node.js 20 on the date. */
    public static SupportPhase ofRuntime(ReleaseCycle cycle, LocalDate date) {
        if (cycle.released() == null && cycle.endOfLife() == null) {
            return UNKNOWN;
        }
        if (cycle.released() != null && date.isBefore(cycle.released())) {
            return PREVIEW;
        }
        if (reached(date, cycle.endOfLife())) {
            return END_OF_LIFE;
        }
        if (reached(date, cycle.maintenanceFrom())) {
            return MAINTENANCE;
        }
        if (reached(date, cycle.ltsFrom())) {
            return ACTIVE_LTS;
        }
        return ACTIVE;
    }

    /** Returns the phase of a distro release such as Debian 12 on the date. */
    public static SupportPhase ofDistro(ReleaseCycle cycle, LocalDate date) {
        if (cycle.released() == null) {
            return cycle.endOfLife() == null ? PREVIEW : UNKNOWN;
        }
        if (date.isBefore(cycle.released())) {
            return PREVIEW;
        }
        if (!reached(date, cycle.endOfLife())) {
            return SECURITY_SUPPORT;
        }
        if (cycle.ltsEnd() != null && !reached(date, cycle.ltsEnd())) {
            return LTS;
        }
        if (cycle.extendedEnd() != null && !reached(date, cycle.extendedEnd())) {
            return EXTENDED;
        }
        return END_OF_LIFE;
    }

    private static boolean reached(LocalDate date, LocalDate start) {
        return start != null && !date.isBefore(start);
    }
}
