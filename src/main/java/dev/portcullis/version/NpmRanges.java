package dev.portcullis.version;

import dev.portcullis.version.Comparison.Operator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one node-semver comparator set into plain comparisons: {@code ^1.2.3} becomes
 * {@code >= 1.2.3, < 2.0.0-0}, {@code ~1.2} becomes {@code >= 1.2.0, < 1.3.0-0}, {@code 1.x}
 * becomes {@code >= 1.0.0, < 2.0.0-0} and {@code 1.2.3 - 2.3} becomes
 * {@code >= 1.2.3, < 2.4.0-0}. The {@code -0} upper bounds keep out pre-releases of the next
 * version, as node-semver does.
 *
 * @see <a href="https://github.com/npm/node-semver#ranges">node-semver ranges</a>
 */
final class NpmRanges {

    private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");
    private static final Pattern OPERATOR_SPACE = Pattern.compile("(<=|>=|<|>|=|\\^|~>?)\\s+");
    private static final Pattern TERM = Pattern.compile("(<=|>=|<|>|=|\\^|~>|~)?(.*)");
    private static final Pattern PARTIAL = Pattern.compile(
            "[v=]*(\\d+|[xX*])(?:\\.(\\d+|[xX*]))?(?:\\.(\\d+|[xX*]))?"
                    + "(?:-?([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    /** A version with missing or wildcard parts, which are null. */
    private record Partial(BigInteger major, BigInteger minor, BigInteger patch, String preRelease) {

        boolean full() {
            return patch != null;
        }

        String text() {
            return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
        }

        String lowest() {
            return major + "." + orZero(minor) + "." + orZero(patch) + (preRelease == null ? "" : "-" + preRelease);
        }
    }

    private NpmRanges() {}

    /** Returns the comparisons, all of which must hold, for one comparator set. */
    static List<Comparison> parse(String set, String whole) {
        String text = set.strip();
        List<Comparison> comparisons = new ArrayList<>();
        Matcher hyphen = HYPHEN.matcher(text);
        if (hyphen.matches()) {
            addHyphenRange(partial(hyphen.group(1), whole), partial(hyphen.group(2), whole), comparisons);
            return comparisons;
        }
        String collapsed = OPERATOR_SPACE.matcher(text).replaceAll("$1");
        for (String term : collapsed.split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            Matcher matcher = TERM.matcher(term);
            matcher.matches();
            String operator = matcher.group(1) == null ? "" : matcher.group(1);
            addTerm(operator, partial(matcher.group(2), whole), comparisons);
        }
        return comparisons;
    }

    private static Partial partial(String text, String whole) {
        Matcher matcher = PARTIAL.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidConstraintException(VersionScheme.NPM, whole,
                    "\"" + text + "\" is not a version, a partial version such as 1.2 or a wildcard such as 1.x");
        }
        BigInteger major = number(matcher.group(1));
        BigInteger minor = major == null ? null : number(matcher.group(2));
        BigInteger patch = minor == null ? null : number(matcher.group(3));
        String preRelease = patch == null ? null : matcher.group(4);
        return new Partial(major, minor, patch, preRelease);
    }

    private static BigInteger number(String part) {
        return part == null || part.equalsIgnoreCase("x") || part.equals("*") ? null : new BigInteger(part);
    }

    private static void addTerm(String operator, Partial version, List<Comparison> out) {
        switch (operator) {
            case "^" -> addCaret(version, out);
            case "~", "~>" -> addTilde(version, out);
            case "", "=" -> addXRange(version, out);
            case ">" -> addGreater(version, out);
            case ">=" -> {
                if (version.major() != null) {
                    out.add(new Comparison(Operator.GREATER_OR_EQUAL, version.lowest()));
                }
            }
            case "<" -> addLess(version, out);
            case "<=" -> addLessOrEqual(version, out);
            default -> throw new IllegalStateException("operator not covered by the pattern: " + operator);
        }
    }

    private static void addXRange(Partial version, List<Comparison> out) {
        if (version.full()) {
            out.add(new Comparison(Operator.EQUAL, version.text()));
        } else if (version.major() != null) {
            out.add(new Comparison(Operator.GREATER_OR_EQUAL, version.lowest()));
            out.add(new Comparison(Operator.LESS, nextForWildcard(version)));
        }
    }

    private static void addGreater(Partial version, List<Comparison> out) {
        if (version.full()) {
            out.add(new Comparison(Operator.GREATER, version.text()));
        } else if (version.major() == null) {
            out.add(new Comparison(Operator.LESS, "0.0.0-0"));
        } else {
            out.add(new Comparison(Operator.GREATER_OR_EQUAL, stripPreRelease(nextForWildcard(version))));
        }
    }

    private static void addLess(Partial version, List<Comparison> out) {
        if (version.full()) {
            out.add(new Comparison(Operator.LESS, version.text()));
        } else {
            // <1.2 keeps out every 1.2.x pre-release too; <* matches nothing.
            out.add(new Comparison(Operator.LESS, version.major() == null ? "0.0.0-0" : version.lowest() + "-0"));
        }
    }

    private static void addLessOrEqual(Partial version, List<Comparison> out) {
        if (version.full()) {
            out.add(new Comparison(Operator.LESS_OR_EQUAL, version.text()));
        } else if (version.major() != null) {
            out.add(new Comparison(Operator.LESS, nextForWildcard(version)));
        }
    }

    private static void addCaret(Partial version, List<Comparison> out) {
        if (version.major() == null) {
            return;
        }
        out.add(new Comparison(Operator.GREATER_OR_EQUAL, version.lowest()));
        String upper;
        if (!version.major().equals(BigInteger.ZERO) || version.minor() == null) {
            upper = version.major().add(BigInteger.ONE) + ".0.0-0";
        } else if (!version.minor().equals(BigInteger.ZERO) || version.patch() == null) {
            upper = "0." + version.minor().add(BigInteger.ONE) + ".0-0";
        } else {
            upper = "0.0." + version.patch().add(BigInteger.ONE) + "-0";
        }
        out.add(new Comparison(Operator.LESS, upper));
    }

    private static void addTilde(Partial version, List<Comparison> out) {
        if (version.major() == null) {
            return;
        }
        out.add(new Comparison(Operator.GREATER_OR_EQUAL, version.lowest()));
        String upper = version.minor() == null
                ? version.major().add(BigInteger.ONE) + ".0.0-0"
                : version.major() + "." + version.minor().add(BigInteger.ONE) + ".0-0";
        out.add(new Comparison(Operator.LESS, upper));
    }

    private static void addHyphenRange(Partial lower, Partial upper, List<Comparison> out) {
        if (lower.major() != null) {
            out.add(new Comparison(Operator.GREATER_OR_EQUAL, lower.lowest()));
        }
        addLessOrEqual(upper, out);
    }

    // The lowest pre-release above every version the partial names: 1 gives 2.0.0-0, 1.2 gives 1.3.0-0.
    private static String nextForWildcard(Partial version) {
        if (version.minor() == null) {
            return version.major().add(BigInteger.ONE) + ".0.0-0";
        }
        return version.major() + "." + version.minor().add(BigInteger.ONE) + ".0-0";
    }

    private static String stripPreRelease(String version) {
        return version.substring(0, version.indexOf('-'));
    }

    private static BigInteger orZero(BigInteger number) {
        return number == null ? BigInteger.ZERO : number;
    }
}
