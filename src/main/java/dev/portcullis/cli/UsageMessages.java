package dev.portcullis.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites picocli's conversion messages into the words the help uses: enum names in lower case as the
 * options take them, and no Java exception class names.
 *
 * <pre>{@code
 * "expected one of [MARKDOWN, HTML] (case-insensitive) but was 'pdf'" -> "expected one of markdown, html but was 'pdf'"
 * "cannot convert 'x y' to URI (java.net.URISyntaxException: Illegal character in path at index 1: x y)"
 *     -> "invalid URI 'x y': Illegal character in path at index 1: x y"
 * }</pre>
 */
final class UsageMessages {

    private static final Pattern ENUM_CHOICES = Pattern.compile("expected one of \\[([^\\]]*)\\] \\(case-insensitive\\)");
    private static final Pattern CONVERSION = Pattern.compile("cannot convert '(.*)' to (\\w+) \\((?:[\\w.]+\\.)?\\w+: (.*)\\)");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("'(.*)' is not an? (?:long|int|integer)");

    private UsageMessages() {}

    static String clean(String message) {
        String text = message;
        Matcher choices = ENUM_CHOICES.matcher(text);
        if (choices.find()) {
            String words = Arrays.stream(choices.group(1).split(",\\s*"))
                    .map(word -> word.toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
            text = choices.replaceFirst(Matcher.quoteReplacement("expected one of " + words));
        }
        Matcher conversion = CONVERSION.matcher(text);
        if (conversion.find()) {
            text = conversion.replaceFirst(Matcher.quoteReplacement("invalid " + conversion.group(2) + " '"
                    + conversion.group(1) + "': " + conversion.group(3)));
        }
        Matcher number = NOT_A_NUMBER.matcher(text);
        if (number.find()) {
            text = number.replaceFirst(Matcher.quoteReplacement("'" + number.group(1) + "' is not a whole number"));
        }
        return text;
    }
}
