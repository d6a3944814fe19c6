package dev.portcullis.vulndb.feed;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Date reads shared by the lifecycle importers, which write dates as {@code YYYY-MM-DD}. */
final class LifecycleDates {

    private LifecycleDates() {}

    /**
     * Parses a date, or returns null for a missing or empty value. endoflife.date writes
     * {@code true}/{@code false} where it has no date; those read as null too.
     *
     * @throws DateTimeParseException when the text is neither empty, a boolean nor a date
     */
    static LocalDate parse(String text) {
        if (text == null || text.isBlank() || text.equals("true") || text.equals("false")) {
            return null;
        }
        return LocalDate.parse(text.trim());
    }
}
