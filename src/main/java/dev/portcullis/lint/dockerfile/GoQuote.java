package dev.portcullis.lint.dockerfile;

/** Quotes strings as Go's {@code strconv.Quote} does, so dumps compare with BuildKit's test files. */
final class GoQuote {

    private GoQuote() {
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(ch -> {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> appendOther(out, ch);
            }
        });
        return out.append('"').toString();
    }

    private static void appendOther(StringBuilder out, int ch) {
        if (ch < ' ' || ch == 0x7f) {
            out.append(String.format("\\x%02x", ch));
        } else if (ch < 0x7f || isPrintable(ch)) {
            out.appendCodePoint(ch);
        } else if (ch < 0x10000) {
            out.append(String.format("\\u%04x", ch));
        } else {
            out.append(String.format("\\U%08x", ch));
        }
    }

    private static boolean isPrintable(int ch) {
        int type = Character.getType(ch);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
