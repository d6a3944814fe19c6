package dev.portcullis.version;

import java.util.List;

/**
 * Alpine version ordering, written to apk-tools' token rules rather than taken from versatile,
 * because versatile misorders revisions ({@code 1.3.5-r10 < 1.3.5-r8}), leading zeros and
 * {@code _p} suffixes.
 *
 * <p>Example: {@code 1.0_alpha1 < 1.0_rc1 < 1.0 < 1.0-r1 < 1.0_p1 < 1.0a < 1.0.1}. Pre-release
 * suffixes {@code _alpha _beta _pre _rc} sort before the plain version and post-release suffixes
 * {@code _cvs _svn _git _hg _p} after it. Like apk-tools, {@link #compare} also orders strings
 * that are not valid apk versions: token by token up to the first invalid token, then as text.
 * {@link #validate} is strict.
 *
 * @see <a href="https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c">
 *     apk-tools version.c</a>
 */
final class ApkVersionComparator implements VersionComparator {

    private static final String SCHEME = "alpine";

    private static final List<String> PRE_RELEASE_SUFFIXES = List.of("alpha", "beta", "pre", "rc");
    private static final List<String> POST_RELEASE_SUFFIXES = List.of("cvs", "svn", "git", "hg", "p");

    // Token types in apk-tools' order: a longer version whose next token has a lower type is
    // the higher version.
    private static final int INVALID = -1;
    private static final int DIGIT_OR_ZERO = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NUMBER = 4;
    private static final int REVISION_NUMBER = 5;
    private static final int END = 6;

    /** A cursor over one version string: the type of the next token and where it starts. */
    private static final class Cursor {
        private final String text;
        private int position;
        private int type = DIGIT;

        Cursor(String text) {
            this.text = text;
        }
    }

    @Override
    public int compare(String a, String b) {
        requireNotBlank(a);
        requireNotBlank(b);
        Cursor left = new Cursor(a.strip());
        Cursor right = new Cursor(b.strip());
        int order = 0;
        while (left.type == right.type && left.type != END && left.type != INVALID && order == 0) {
            order = compareTokens(nextToken(left), nextToken(right));
        }
        if (order != 0) {
            return order;
        }
        if (left.type == INVALID || right.type == INVALID) {
            // Tokens cannot order the rest, so the whole strings are sorted as text, as
            // apk-tools' version.data expects (10.0.0_b2-r0 < 10.0.0_b3-r0).
            return Integer.signum(a.strip().compareTo(b.strip()));
        }
        if (left.type == right.type) {
            return 0;
        }
        // Equal so far: the longer version is higher unless it continues with a pre-release suffix.
        if (left.type == SUFFIX && peekValue(left) < 0) {
            return -1;
        }
        if (right.type == SUFFIX && peekValue(right) < 0) {
            return 1;
        }
        return left.type > right.type ? -1 : 1;
    }

    @Override
    public void validate(String version) {
        requireNotBlank(version);
        Cursor cursor = new Cursor(version);
        while (cursor.type != END && cursor.type != INVALID) {
            nextToken(cursor);
        }
        if (cursor.type == INVALID) {
            throw new InvalidVersionException(SCHEME, version,
                    "unexpected text at position " + cursor.position + "; expected digits, a letter, "
                            + "a _suffix such as _rc1 or a -rN revision");
        }
    }

    private static void requireNotBlank(String version) {
        if (version.isBlank()) {
            throw new InvalidVersionException(SCHEME, version, "version is empty");
        }
    }

    private static long peekValue(Cursor cursor) {
        Cursor copy = new Cursor(cursor.text);
        copy.position = cursor.position;
        copy.type = cursor.type;
        return nextToken(copy).value();
    }

    // A number after a dot that starts with 0 on either side compares as text, like a decimal
    // fraction: 1.06 > 1.0.1 and 1.07 < 1.1.
    private static int compareTokens(Token left, Token right) {
        if (left.type() == DIGIT_OR_ZERO && right.type() == DIGIT_OR_ZERO
                && (left.text().startsWith("0") || right.text().startsWith("0"))) {
            return Integer.signum(left.text().compareTo(right.text()));
        }
        return Long.compare(left.value(), right.value());
    }

    /** One token: the type it was read as, its value, and its text for numbers. */
    private record Token(int type, long value, String text) {}

    // Reads the token at the cursor and moves to the next token.
    private static Token nextToken(Cursor cursor) {
        String text = cursor.text;
        int start = cursor.position;
        int type = cursor.type;
        if (start >= text.length()) {
            cursor.type = END;
            return new Token(END, 0, "");
        }
        int end = start;
        long value = 0;
        switch (type) {
            case DIGIT_OR_ZERO, DIGIT, SUFFIX_NUMBER, REVISION_NUMBER -> {
                while (end < text.length() && isDigit(text.charAt(end))) {
                    value = Math.min(value * 10 + (text.charAt(end) - '0'), Long.MAX_VALUE / 10);
                    end++;
                }
            }
            case LETTER -> {
                value = text.charAt(start);
                end = start + 1;
            }
            case SUFFIX -> {
                int pre = matchSuffix(text, start, PRE_RELEASE_SUFFIXES);
                int post = pre < 0 ? matchSuffix(text, start, POST_RELEASE_SUFFIXES) : -1;
                if (pre >= 0) {
                    value = pre - PRE_RELEASE_SUFFIXES.size();
                    end = start + PRE_RELEASE_SUFFIXES.get(pre).length();
                } else if (post >= 0) {
                    value = post;
                    end = start + POST_RELEASE_SUFFIXES.get(post).length();
                } else {
                    cursor.type = INVALID;
                    return new Token(INVALID, -1, "");
                }
            }
            default -> {
                cursor.type = INVALID;
                return new Token(INVALID, -1, "");
            }
        }
        cursor.position = end;
        if (end >= text.length()) {
            cursor.type = END;
        } else {
            advanceType(cursor);
        }
        return new Token(type, value, text.substring(start, end));
    }

    private static int matchSuffix(String text, int start, List<String> suffixes) {
        for (int index = 0; index < suffixes.size(); index++) {
            if (text.startsWith(suffixes.get(index), start)) {
                return index;
            }
        }
        return -1;
    }

    // Decides the type of the token at the cursor from the previous type and the next character,
    // consuming a separator ('.', '_', "-r").
    private static void advanceType(Cursor cursor) {
        String text = cursor.text;
        char c = text.charAt(cursor.position);
        int previous = cursor.type;
        int next;
        if ((previous == DIGIT || previous == DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
            next = LETTER;
        } else if (previous == LETTER && isDigit(c)) {
            next = DIGIT;
        } else if (previous == SUFFIX && isDigit(c)) {
            next = SUFFIX_NUMBER;
        } else {
            next = switch (c) {
                case '.' -> DIGIT_OR_ZERO;
                case '_' -> SUFFIX;
                case '-' -> {
                    if (cursor.position + 1 < text.length() && text.charAt(cursor.position + 1) == 'r') {
                        cursor.position++;
                        yield REVISION_NUMBER;
                    }
                    yield INVALID;
                }
                default -> INVALID;
            };
            cursor.position++;
        }
        boolean allowedBackStep = (next == DIGIT_OR_ZERO && previous == DIGIT)
                || (next == SUFFIX && previous == SUFFIX_NUMBER)
                || (next == DIGIT && previous == LETTER);
        if (next < previous && !allowedBackStep) {
            next = INVALID;
        }
        cursor.type = next;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
