package dev.portcullis.cli;

/** Formats a count with its noun in the matching number, as {@link dev.portcullis.report.Plural} does. */
// TODO: remove once DatabaseOpener imports dev.portcullis.report.Plural; the other callers already do.
public final class Plural {

    private Plural() {}

    /** Returns the count and the noun, with {@code s} appended unless the count is 1. */
    public static String of(long count, String singular) {
        return dev.portcullis.report.Plural.of(count, singular);
    }

    /** Returns the count and the noun, for a noun whose plural is not the singular plus {@code s}. */
    public static String of(long count, String singular, String plural) {
        return dev.portcullis.report.Plural.of(count, singular, plural);
    }
}
