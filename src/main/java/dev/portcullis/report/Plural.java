package dev.portcullis.report;

/**
 * Formats a count with its noun in the matching number: {@code 1 finding}, {@code 3 findings}. It lives in
 * {@code report} so that the report writers, the server and the command line can all use it.
 */
public final class Plural {

    private Plural() {}

    /** Returns the count and the noun, with {@code s} appended unless the count is 1. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /** Returns the count and the noun, for a noun whose plural is not the singular plus {@code s}. */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
