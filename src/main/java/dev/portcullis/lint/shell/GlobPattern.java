package dev.portcullis.lint.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell glob patterns ({@code *} and {@code ?}) for {@code ${VAR#pattern}}, {@code ${VAR%pattern}}
 * and {@code ${VAR/pattern/replacement}}.
 *
 * <p>Example: {@code removePrefix("a/b/c", "*&#47;", false)} returns {@code b/c}, and with
 * {@code longest = true} returns {@code c}.
 */
final class GlobPattern {

    private GlobPattern() {
    }

    static String removePrefix(String value, String glob, boolean longest) {
        Pattern pattern = compile(glob);
        for (int i = 0; i <= value.length(); i++) {
            int end = longest ? value.length() - i : i;
            if (pattern.matcher(value.substring(0, end)).matches()) {
                return value.substring(end);
            }
        }
        return value;
    }

    static String removeSuffix(String value, String glob, boolean longest) {
        Pattern pattern = compile(glob);
        for (int i = 0; i <= value.length(); i++) {
            int start = longest ? i : value.length() - i;
            if (pattern.matcher(value.substring(start)).matches()) {
                return value.substring(0, start);
            }
        }
        return value;
    }

    static String replace(String value, String glob, String replacement, boolean all) {
        if (glob.isEmpty()) {
            return value;
        }
        Matcher matcher = compile(glob).matcher(value);
        String quoted = Matcher.quoteReplacement(replacement);
        return all ? matcher.replaceAll(quoted) : matcher.replaceFirst(quoted);
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
