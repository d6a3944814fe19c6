package dev.portcullis.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems version ordering, written to Gem::Version rather than taken from versatile, because
 * versatile does not treat a letter as the start of a pre-release ({@code 1.8.2.a} should be lower
 * than {@code 1.8.2}).
 *
 * <p>Segments are runs of digits or letters; any letter makes the version a pre-release, and a
 * hyphen reads as {@code .pre.}. Trailing zeros do not count: {@code 1.0.0 = 1}. A platform suffix
 * as written in Gemfile.lock and gem file names ({@code 1.19.3-aarch64-linux-gnu}) is removed
 * first, because Gem::Version would read it as a pre-release while it names a build of 1.19.3.
 *
 * <p>Example: {@code 1.0.a < 1.0.b1 < 1.0 = 1.0.0 < 1.0.1}.
 *
 * @see <a href="https://docs.ruby-lang.org/en/master/Gem/Version.html">Gem::Version</a>
 */
final class GemVersionComparator implements VersionComparator {

    private static final String SCHEME = "gem";

    private static final Pattern VALID = Pattern.compile("[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");
    // The CPU names Gem::Platform knows, each starting the platform part of a version string.
    private static final Pattern PLATFORM_SUFFIX = Pattern.compile(
            "-(?:x86|x86_64|x64|i[3-6]86|universal|arm\\w*|aarch64|powerpc\\w*|ppc\\w*|s390x?|sparc\\w*"
                    + "|java|jruby|dalvik\\d*|mswin\\w*|mingw\\w*)(?:-.*)?$");

    @Override
    public int compare(String a, String b) {
        List<Object> left = canonicalSegments(a);
        List<Object> right = canonicalSegments(b);
        for (int index = 0; index < Math.max(left.size(), right.size()); index++) {
            Object l = index < left.size() ? left.get(index) : BigInteger.ZERO;
            Object r = index < right.size() ? right.get(index) : BigInteger.ZERO;
            if (l.equals(r)) {
                continue;
            }
            if (l instanceof String && r instanceof BigInteger) {
                return -1;
            }
            if (l instanceof BigInteger && r instanceof String) {
                return 1;
            }
            if (l instanceof BigInteger ln && r instanceof BigInteger rn) {
                return ln.compareTo(rn);
            }
            return Integer.signum(((String) l).compareTo((String) r));
        }
        return 0;
    }

    @Override
    public void validate(String version) {
        normalize(version);
    }

    /**
     * Returns the exclusive upper bound of {@code ~> version}, as Gem::Version#bump does:
     * {@code 2.2.1} gives {@code 2.3} and {@code 2.2} gives {@code 3}.
     */
    static String bump(String version) {
        List<BigInteger> numbers = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(normalize(version));
        while (matcher.find() && Character.isDigit(matcher.group().charAt(0))) {
            numbers.add(new BigInteger(matcher.group()));
        }
        if (numbers.size() > 1) {
            numbers.removeLast();
        }
        numbers.set(numbers.size() - 1, numbers.getLast().add(BigInteger.ONE));
        return String.join(".", numbers.stream().map(BigInteger::toString).toList());
    }

    // An empty version reads as "0", as in Gem::Version.
    private static String normalize(String version) {
        String text = PLATFORM_SUFFIX.matcher(version.strip()).replaceFirst("");
        if (text.isEmpty()) {
            return "0";
        }
        if (!VALID.matcher(text).matches()) {
            throw new InvalidVersionException(SCHEME, version,
                    "expected dot-separated numbers and letters, for example 1.2.3 or 1.2.0.rc1");
        }
        return text.replace("-", ".pre.");
    }

    // Gem::Version#canonical_segments: the numeric part and the pre-release part, each without
    // trailing zeros.
    private static List<Object> canonicalSegments(String version) {
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(normalize(version));
        while (matcher.find()) {
            String segment = matcher.group();
            segments.add(Character.isDigit(segment.charAt(0)) ? new BigInteger(segment) : segment);
        }
        int firstString = 0;
        while (firstString < segments.size() && segments.get(firstString) instanceof BigInteger) {
            firstString++;
        }
        List<Object> numeric = dropTrailingZeros(segments.subList(0, firstString));
        List<Object> preRelease = dropTrailingZeros(segments.subList(firstString, segments.size()));
        List<Object> canonical = new ArrayList<>(numeric);
        canonical.addAll(preRelease);
        return canonical;
    }

    private static List<Object> dropTrailingZeros(List<Object> segments) {
        int end = segments.size();
        while (end > 0 && BigInteger.ZERO.equals(segments.get(end - 1))) {
            end--;
        }
        return segments.subList(0, end);
    }
}
