package dev.portcullis.version;

import dev.portcullis.version.Comparison.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads constraint strings: {@code ||} separates alternatives, a comma separates comparisons that
 * must all hold, and a version without an operator means {@code =}. Versions may be quoted.
 *
 * <p>Scheme-specific operators: node-semver ranges under {@link VersionScheme#NPM} (where a space
 * also separates comparisons), {@code ~>} under {@link VersionScheme#GEM}, {@code ~=} and
 * {@code == 1.4.*} under {@link VersionScheme#PYPI}.
 */
final class ConstraintParser {

    private static final Pattern TERM = Pattern.compile("(>=|<=|===|==|!=|=|>|<|~>|~=|\\^|~)?\\s*(\\S+)");

    private ConstraintParser() {}

    /** Returns the alternatives of {@code text}; each one is a list of comparisons that must all hold. */
    static List<List<Comparison>> parse(VersionScheme scheme, String text) {
        List<List<Comparison>> alternatives = new ArrayList<>();
        if (text.isBlank()) {
            alternatives.add(List.of());
            return alternatives;
        }
        for (String alternative : text.split("\\|\\|", -1)) {
            if (alternative.isBlank() && scheme != VersionScheme.NPM) {
                throw new InvalidConstraintException(scheme, text, "an alternative between '||' is empty");
            }
            List<Comparison> comparisons = scheme == VersionScheme.NPM
                    ? NpmRanges.parse(unquote(alternative.replace(',', ' ')), text)
                    : parseComparisons(scheme, alternative, text);
            for (Comparison comparison : comparisons) {
                validateBound(scheme, comparison, text);
            }
            alternatives.add(List.copyOf(comparisons));
        }
        return alternatives;
    }

    private static List<Comparison> parseComparisons(VersionScheme scheme, String alternative, String text) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String term : alternative.split(",", -1)) {
            Matcher matcher = TERM.matcher(unquote(term.strip()));
            if (!matcher.matches()) {
                throw new InvalidConstraintException(scheme, text,
                        "\"" + term.strip() + "\" is not an operator followed by a version, as in >= 1.2.3");
            }
            String operator = matcher.group(1) == null ? "=" : matcher.group(1);
            String version = unquote(matcher.group(2));
            try {
                addComparisons(scheme, operator, version, text, comparisons);
            } catch (InvalidVersionException e) {
                throw new InvalidConstraintException(scheme, text, e.getMessage(), e);
            }
        }
        return comparisons;
    }

    private static void addComparisons(VersionScheme scheme, String operator, String version, String text,
            List<Comparison> out) {
        switch (operator) {
            case "=", "==" -> out.add(new Comparison(Operator.EQUAL, version));
            case "!=" -> out.add(new Comparison(Operator.NOT_EQUAL, version));
            case "<" -> out.add(new Comparison(Operator.LESS, version));
            case "<=" -> out.add(new Comparison(Operator.LESS_OR_EQUAL, version));
            case ">" -> out.add(new Comparison(Operator.GREATER, version));
            case ">=" -> out.add(new Comparison(Operator.GREATER_OR_EQUAL, version));
            case "~>" -> {
                requireScheme(scheme, VersionScheme.GEM, operator, text);
                out.add(new Comparison(Operator.GREATER_OR_EQUAL, version));
                out.add(new Comparison(Operator.LESS, GemVersionComparator.bump(version)));
            }
            case "~=" -> {
                requireScheme(scheme, VersionScheme.PYPI, operator, text);
                out.add(new Comparison(Operator.GREATER_OR_EQUAL, version));
                out.add(new Comparison(Operator.LESS, Pep440Bounds.compatibleUpperBound(version)));
            }
            default -> throw new InvalidConstraintException(scheme, text,
                    "operator " + operator + " is not defined for " + scheme.versName() + " versions");
        }
    }

    private static void requireScheme(VersionScheme scheme, VersionScheme expected, String operator, String text) {
        if (scheme != expected) {
            throw new InvalidConstraintException(scheme, text,
                    "operator " + operator + " is only defined for " + expected.versName() + " versions");
        }
    }

    private static void validateBound(VersionScheme scheme, Comparison comparison, String text) {
        String version = comparison.version();
        boolean prefix = scheme == VersionScheme.PYPI && Pep440Bounds.isPrefix(version);
        if (prefix && comparison.operator() != Operator.EQUAL && comparison.operator() != Operator.NOT_EQUAL) {
            throw new InvalidConstraintException(scheme, text, "a .* prefix only goes with == and !=");
        }
        try {
            scheme.validate(prefix ? version.strip().substring(0, version.strip().length() - 2) : version);
        } catch (InvalidVersionException e) {
            throw new InvalidConstraintException(scheme, text, e.getMessage(), e);
        }
    }

    private static String unquote(String text) {
        String stripped = text.strip();
        if (stripped.length() >= 2) {
            char first = stripped.charAt(0);
            char last = stripped.charAt(stripped.length() - 1);
            if ((first == '\'' || first == '"') && first == last) {
                return stripped.substring(1, stripped.length() - 1).strip();
            }
        }
        return stripped;
    }
}
