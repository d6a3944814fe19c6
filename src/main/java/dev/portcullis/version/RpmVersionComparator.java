package dev.portcullis.version;

/**
 * RPM version ordering, written to rpm's rpmvercmp rather than taken from versatile, because
 * versatile rejects strings that rpm compares (a release after two hyphens, {@code 1.2.3-3-el7_5}).
 *
 * <p>A missing epoch counts as 0, as rpm counts it: {@code 1:0 > 1}. Example:
 * {@code 1.0~rc1 < 1.0 < 1.0^git1 < 1.0.1}.
 *
 * @see <a href="https://rpm-software-management.github.io/rpm/manual/dependencies.html">RPM
 *     dependencies: versioning</a>
 */
final class RpmVersionComparator implements VersionComparator {

    private static final String SCHEME = "rpm";

    private record Parts(long epoch, String version, String release) {}

    @Override
    public int compare(String a, String b) {
        Parts left = parse(a);
        Parts right = parse(b);
        int byEpoch = Long.compare(left.epoch(), right.epoch());
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byVersion = rpmvercmp(left.version(), right.version());
        if (byVersion != 0) {
            return byVersion;
        }
        // rpm's rpmverCmp ranks a missing release below any release.
        if (left.release() == null || right.release() == null) {
            return Boolean.compare(left.release() != null, right.release() != null);
        }
        return rpmvercmp(left.release(), right.release());
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    private static Parts parse(String version) {
        String text = version.strip();
        if (text.isEmpty()) {
            throw new InvalidVersionException(SCHEME, version, "version is empty");
        }
        long epoch = 0;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String epochText = text.substring(0, colon);
            if (epochText.isEmpty() || epochText.length() > 9
                    || !epochText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidVersionException(SCHEME, version, "epoch is not a number");
            }
            epoch = Long.parseLong(epochText);
            text = text.substring(colon + 1);
        }
        String release = null;
        int hyphen = text.lastIndexOf('-');
        if (hyphen >= 0) {
            release = text.substring(hyphen + 1);
            text = text.substring(0, hyphen);
        }
        if (text.isEmpty()) {
            throw new InvalidVersionException(SCHEME, version, "version part is empty");
        }
        return new Parts(epoch, text, release);
    }

    /** Compares two version or release strings segment by segment, as rpm's rpmvercmp does. */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && isSeparator(b.charAt(j))) {
                j++;
            }
            char left = i < a.length() ? a.charAt(i) : 0;
            char right = j < b.length() ? b.charAt(j) : 0;
            // A tilde sorts before everything, the end of the string included.
            if (left == '~' || right == '~') {
                if (left != '~') {
                    return 1;
                }
                if (right != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            // A caret sorts after the end of the string but before any other segment.
            if (left == '^' || right == '^') {
                if (left == 0) {
                    return -1;
                }
                if (right == 0) {
                    return 1;
                }
                if (left != '^') {
                    return 1;
                }
                if (right != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (left == 0 || right == 0) {
                break;
            }
            boolean numeric = isDigit(left);
            int endA = segmentEnd(a, i, numeric);
            int endB = segmentEnd(b, j, numeric);
            if (endB == j) {
                // Segments of different types: a number is newer than letters.
                return numeric ? 1 : -1;
            }
            String segmentA = a.substring(i, endA);
            String segmentB = b.substring(j, endB);
            int order = numeric ? compareNumbers(segmentA, segmentB) : segmentA.compareTo(segmentB);
            if (order != 0) {
                return order < 0 ? -1 : 1;
            }
            i = endA;
            j = endB;
        }
        boolean leftDone = i >= a.length();
        boolean rightDone = j >= b.length();
        if (leftDone && rightDone) {
            return 0;
        }
        return leftDone ? -1 : 1;
    }

    private static int compareNumbers(String a, String b) {
        String left = stripLeadingZeros(a);
        String right = stripLeadingZeros(b);
        if (left.length() != right.length()) {
            return Integer.compare(left.length(), right.length());
        }
        return left.compareTo(right);
    }

    private static String stripLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static int segmentEnd(String text, int start, boolean numeric) {
        int end = start;
        while (end < text.length() && (numeric ? isDigit(text.charAt(end)) : isAsciiLetter(text.charAt(end)))) {
            end++;
        }
        return end;
    }

    private static boolean isSeparator(char c) {
        return !isDigit(c) && !isAsciiLetter(c) && c != '~' && c != '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
