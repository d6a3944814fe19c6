package dev.portcullis.audit.secrets;

/**
 * Masks secret values for output: at most the first 4 characters stay, never more than a third of the
 * value and none of a value shorter than 6 characters, followed by {@code ****}.
 *
 * <pre>{@code
 * Redaction.redact("ghp_abcdefghijklmnopqrstuvwxyz0123456789") -> "ghp_****"
 * Redaction.redact("petclinic")                                -> "pet****"
 * Redaction.redact("abc")                                      -> "****"
 * }</pre>
 */
public final class Redaction {

    private static final String MASK = "****";

    private Redaction() {}

    public static String redact(String value) {
        if (value == null || value.isEmpty()) {
            return MASK;
        }
        int keptCharacters = value.length() < 6 ? 0 : Math.min(4, value.length() / 3);
        return value.substring(0, keptCharacters) + MASK;
    }
}
