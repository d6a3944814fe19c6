package dev.portcullis.version;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version read as node-semver reads it.
 *
 * <p>Strict mode accepts {@code 1.2.3}, {@code v1.2.3-beta.1+build.5}; loose mode also accepts
 * {@code =1.2.3}, {@code 01.2.3} and a pre-release without its hyphen ({@code 1.2.3beta}). Build
 * metadata is kept but never ordered.
 *
 * @see <a href="https://semver.org/spec/v2.0.0.html">Semantic Versioning 2.0.0</a>
 */
record Semver(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease, String build)
        implements Comparable<Semver> {

    private static final String STRICT_NUMBER = "0|[1-9]\\d*";
    private static final String NON_NUMERIC = "\\d*[a-zA-Z-][a-zA-Z0-9-]*";
    private static final String BUILD = "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?";
    private static final Pattern STRICT = Pattern.compile("^v?(" + STRICT_NUMBER + ")\\.(" + STRICT_NUMBER
            + ")\\.(" + STRICT_NUMBER + ")(?:-((?:" + STRICT_NUMBER + "|" + NON_NUMERIC + ")(?:\\.(?:"
            + STRICT_NUMBER + "|" + NON_NUMERIC + "))*))?" + BUILD + "$");
    private static final Pattern LOOSE = Pattern.compile("^[v=\\s]*(\\d+)\\.(\\d+)\\.(\\d+)(?:-?((?:\\d+|"
            + NON_NUMERIC + ")(?:\\.(?:\\d+|" + NON_NUMERIC + "))*))?" + BUILD + "$");
    private static final int MAX_LENGTH = 256;

    /**
     * Reads a version.
     *
     * @throws InvalidVersionException if the text is not a semantic version in the chosen mode
     */
    static Semver parse(String text, boolean loose) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException("npm", text, "longer than " + MAX_LENGTH + " characters");
        }
        Matcher matcher = (loose ? LOOSE : STRICT).matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidVersionException("npm", text,
                    "expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], for example 1.2.3-beta.1");
        }
        List<String> preRelease = matcher.group(4) == null ? List.of() : List.of(matcher.group(4).split("\\."));
        return new Semver(new BigInteger(matcher.group(1)), new BigInteger(matcher.group(2)),
                new BigInteger(matcher.group(3)), preRelease, matcher.group(5) == null ? "" : matcher.group(5));
    }

    boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** Returns whether the two versions have the same major, minor and patch numbers. */
    boolean sameRelease(Semver other) {
        return major.equals(other.major) && minor.equals(other.minor) && patch.equals(other.patch);
    }

    @Override
    public int compareTo(Semver other) {
        int order = major.compareTo(other.major);
        if (order == 0) {
            order = minor.compareTo(other.minor);
        }
        if (order == 0) {
            order = patch.compareTo(other.patch);
        }
        return order != 0 ? order : comparePreRelease(preRelease, other.preRelease);
    }

    private static int comparePreRelease(List<String> left, List<String> right) {
        if (left.isEmpty() || right.isEmpty()) {
            // A release is higher than any of its pre-releases.
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        }
        for (int index = 0; index < Math.min(left.size(), right.size()); index++) {
            int order = compareIdentifiers(left.get(index), right.get(index));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    // Numeric identifiers compare as numbers and sort before alphanumeric ones, which compare in
    // ASCII order (so "Foo" < "foo").
    private static int compareIdentifiers(String left, String right) {
        boolean leftNumeric = left.chars().allMatch(Character::isDigit);
        boolean rightNumeric = right.chars().allMatch(Character::isDigit);
        if (leftNumeric && rightNumeric) {
            return new BigInteger(left).compareTo(new BigInteger(right));
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return Integer.signum(left.compareTo(right));
    }
}
