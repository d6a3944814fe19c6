package dev.portcullis.version;

/**
 * Debian version ordering, written to the Debian Policy rules rather than taken from versatile,
 * because versatile rejects strings that dpkg still compares with a warning (a revision such as
 * {@code 4.el6.x86_64}).
 *
 * <p>Example: {@code 1.0~rc1-1 < 1.0-1 < 1.0-1+deb12u1 < 1:0.9-1}.
 *
 * @see <a href="https://www.debian.org/doc/debian-policy/ch-controlfields.html#version">Debian
 *     Policy: Version</a>
 */
final class DebianVersionComparator implements VersionComparator {

    private static final String SCHEME = "deb";

    private record Parts(long epoch, String upstream, String revision) {}

    @Override
    public int compare(String a, String b) {
        Parts left = parse(a);
        Parts right = parse(b);
        int byEpoch = Long.compare(left.epoch(), right.epoch());
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byUpstream = compareFragment(left.upstream(), right.upstream());
        if (byUpstream != 0) {
            return byUpstream;
        }
        return compareFragment(left.revision(), right.revision());
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    // Fails only where dpkg fails; characters outside the policy set are a dpkg warning, not an
    // error, so they are compared as given.
    private static Parts parse(String version) {
        String text = version.strip();
        if (text.isEmpty()) {
            throw new InvalidVersionException(SCHEME, version, "version is empty");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidVersionException(SCHEME, version, "version contains spaces");
        }
        long epoch = 0;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String epochText = text.substring(0, colon);
            if (epochText.isEmpty() || !epochText.chars().allMatch(c -> c >= '0' && c <= '9')
                    || epochText.length() > 9) {
                throw new InvalidVersionException(SCHEME, version, "epoch is not a number");
            }
            epoch = Long.parseLong(epochText);
            text = text.substring(colon + 1);
        }
        String upstream = text;
        String revision = "";
        int hyphen = text.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = text.substring(0, hyphen);
            revision = text.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw new InvalidVersionException(SCHEME, version, "revision is empty");
            }
        }
        if (upstream.isEmpty()) {
            throw new InvalidVersionException(SCHEME, version, "upstream version is empty");
        }
        return new Parts(epoch, upstream, revision);
    }

    // dpkg's verrevcmp: alternate non-digit runs (compared by character weight) and digit runs
    // (compared as numbers).
    private static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int left = weight(a, i);
                int right = weight(b, j);
                if (left != right) {
                    return left - right;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    // A tilde sorts before everything, even the end of the string; letters sort before other
    // characters.
    private static int weight(String text, int index) {
        if (index >= text.length()) {
            return 0;
        }
        char c = text.charAt(index);
        if (isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c) && c < 128) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
