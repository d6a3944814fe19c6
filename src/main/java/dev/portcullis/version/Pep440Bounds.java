package dev.portcullis.version;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 prefix matching ({@code == 1.4.*}) and the compatible-release operator
 * ({@code ~= 1.4.5}, which means {@code >= 1.4.5, == 1.4.*}).
 */
final class Pep440Bounds {

    private static final Pattern RELEASE = Pattern.compile("(?:(\\d+)!)?v?(\\d+(?:\\.\\d+)*)");

    private Pep440Bounds() {}

    static boolean isPrefix(String bound) {
        return bound.strip().endsWith(".*");
    }

    /** Returns whether the candidate's public version starts with the release of {@code 1.4.*}. */
    static boolean matchesPrefix(String bound, String candidate) {
        String prefix = bound.strip().substring(0, bound.strip().length() - 2);
        String lower = prefix + ".dev0";
        String upper = nextRelease(prefix, false) + ".dev0";
        String publicCandidate = Pep440VersionComparator.publicPart(candidate);
        return VersionScheme.PYPI.compare(publicCandidate, lower) >= 0
                && VersionScheme.PYPI.compare(publicCandidate, upper) < 0;
    }

    /**
     * Returns the exclusive upper bound of {@code ~= version}: {@code ~= 1.4.5} gives
     * {@code 1.5.dev0}, the lowest version outside {@code 1.4.*}.
     */
    static String compatibleUpperBound(String version) {
        return nextRelease(version, true) + ".dev0";
    }

    // Increments the last release number, after dropping one number first when dropLast is set:
    // (1.4, false) gives 1.5 and (1.4.5, true) gives 1.5; pre, post and dev parts are ignored.
    private static String nextRelease(String version, boolean dropLast) {
        Matcher matcher = RELEASE.matcher(version.strip());
        if (!matcher.lookingAt()) {
            throw new InvalidVersionException("pypi", version, "expected a release such as 1.4 before the suffix");
        }
        String[] numbers = matcher.group(2).split("\\.");
        int size = dropLast ? numbers.length - 1 : numbers.length;
        if (size < 1) {
            throw new InvalidVersionException("pypi", version, "~= needs at least two release numbers, as in ~= 1.4");
        }
        StringBuilder next = new StringBuilder();
        if (matcher.group(1) != null) {
            next.append(matcher.group(1)).append('!');
        }
        for (int index = 0; index < size; index++) {
            BigInteger number = new BigInteger(numbers[index]);
            next.append(index == size - 1 ? number.add(BigInteger.ONE) : number);
            if (index < size - 1) {
                next.append('.');
            }
        }
        return next.toString();
    }
}
