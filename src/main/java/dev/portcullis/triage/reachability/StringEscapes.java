package dev.portcullis.triage.reachability;

/**
 * Decodes the escape sequences of JavaScript string and template literals, as in
 * <a href="https://tc39.es/ecma262/#sec-literals-string-literals">ECMAScript string literals</a>:
 * {@code \n}, {@code \x41}, <code>&#92;u0041</code>, <code>&#92;u{1F600}</code>, a line continuation, or any other
 * character standing for itself.
 */
final class StringEscapes {

    private StringEscapes() {}

    /**
     * Appends the character that the escape at {@code position} stands for.
     *
     * @param position index of the backslash
     * @return the index after the escape sequence
     */
    static int decode(String source, int position, StringBuilder value) {
        int next = position + 1;
        if (next >= source.length()) {
            return next;
        }
        char c = source.charAt(next);
        switch (c) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case '0' -> value.append('\0');
            case '\r' -> {
                return source.startsWith("\r\n", next) ? next + 2 : next + 1;
            }
            case '\n', '\u2028', '\u2029' -> {
                return next + 1;
            }
            case 'x' -> {
                return appendCodePoint(source, next + 1, next + 3, value);
            }
            case 'u' -> {
                if (next + 1 < source.length() && source.charAt(next + 1) == '{') {
                    int close = source.indexOf('}', next + 2);
                    return close < 0 ? next + 1 : appendCodePoint(source, next + 2, close, value) + 1;
                }
                return appendCodePoint(source, next + 1, next + 5, value);
            }
            default -> value.append(c);
        }
        return next + 1;
    }

    private static int appendCodePoint(String source, int from, int to, StringBuilder value) {
        if (to > source.length()) {
            return source.length();
        }
        try {
            value.appendCodePoint(Integer.parseInt(source.substring(from, to), 16));
        } catch (IllegalArgumentException e) {
            // An invalid escape keeps its letters, so the literal still reads as a string.
            value.append(source, from, to);
        }
        return to;
    }
}
