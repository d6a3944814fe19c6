package dev.portcullis.audit.secrets;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Values that are known not to be secrets, from the {@code secrets.allow} list of {@code .portcullis.yaml}.
 * Each entry matches a value that equals it, or that it matches in full as a regular expression.
 *
 * <pre>{@code
 * secrets:
 *   allow:
 *     - "example-password"
 *     - "test-.*"
 * }</pre>
 */
public final class SecretAllowList {

    private final List<String> exactValues;
    private final List<Pattern> patterns;

    private SecretAllowList(List<String> exactValues, List<Pattern> patterns) {
        this.exactValues = exactValues;
        this.patterns = patterns;
    }

    public static SecretAllowList none() {
        return new SecretAllowList(List.of(), List.of());
    }

    /** Builds the list; an entry that is not a valid regular expression still matches as an exact value. */
    public static SecretAllowList of(List<String> entries) {
        List<Pattern> compiled = entries.stream().map(SecretAllowList::compileOrNull)
                .filter(p -> p != null).toList();
        return new SecretAllowList(List.copyOf(entries), compiled);
    }

    public boolean allows(String value) {
        return exactValues.contains(value) || patterns.stream().anyMatch(p -> p.matcher(value).matches());
    }

    private static Pattern compileOrNull(String entry) {
        try {
            return Pattern.compile(entry);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
