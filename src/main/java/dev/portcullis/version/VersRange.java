package dev.portcullis.version;

import dev.portcullis.version.Comparison.Operator;
import io.github.nscuro.versatile.Vers;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code vers:} range such as {@code vers:deb/>=1.2.0|<1.4.0-2|!=1.3.0-1}. versatile reads the
 * text; membership uses our comparators, so a scheme where versatile's ordering differs (apk,
 * RubyGems, npm) still follows the upstream tool.
 *
 * @see <a href="https://github.com/package-url/vers-spec">vers specification</a>
 */
public record VersRange(VersionScheme scheme, String text, boolean wildcard, List<Comparison> constraints)
        implements Constraint {

    public VersRange {
        List<Comparison> sorted = new ArrayList<>(constraints);
        sorted.sort((left, right) -> scheme.compare(left.version(), right.version()));
        constraints = List.copyOf(sorted);
    }

    /**
     * Reads a {@code vers:} range.
     *
     * @throws InvalidConstraintException if the text is not a valid range of a supported scheme
     */
    public static VersRange parse(String text) {
        String schemeName = schemeName(text);
        VersionScheme scheme = VersionScheme.fromName(schemeName).orElseThrow(() -> new InvalidConstraintException(
                VersionScheme.GENERIC, text, "versioning scheme \"" + schemeName + "\" is not supported"));
        Vers vers;
        try {
            vers = Vers.parse(text.strip());
        } catch (RuntimeException e) {
            // versatile signals syntax and version errors with several unchecked exception types.
            throw new InvalidConstraintException(scheme, text, e.getMessage(), e);
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (io.github.nscuro.versatile.Constraint constraint : vers.constraints()) {
            Operator operator = switch (constraint.comparator()) {
                case WILDCARD -> null;
                case EQUAL -> Operator.EQUAL;
                case NOT_EQUAL -> Operator.NOT_EQUAL;
                case LESS_THAN -> Operator.LESS;
                case LESS_THAN_OR_EQUAL -> Operator.LESS_OR_EQUAL;
                case GREATER_THAN -> Operator.GREATER;
                case GREATER_THAN_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
            };
            if (operator != null) {
                comparisons.add(new Comparison(operator, constraint.version().toString()));
            }
        }
        VersRange range = new VersRange(scheme, text, vers.isWildcard(), comparisons);
        range.checkAlternation();
        return range;
    }

    // The vers specification requires, in version order and ignoring = and !=, that lower bounds
    // (> >=) and upper bounds (< <=) alternate, and that no version appears twice. versatile can
    // check this too, but with its own ordering, which is wrong for some schemes.
    private void checkAlternation() {
        Boolean previousUpper = null;
        for (int index = 0; index < constraints.size(); index++) {
            Comparison constraint = constraints.get(index);
            if (index > 0 && scheme.compare(constraints.get(index - 1).version(), constraint.version()) == 0) {
                throw new InvalidConstraintException(scheme, text, "version " + constraint.version() + " appears twice");
            }
            if (constraint.operator() == Operator.EQUAL || constraint.operator() == Operator.NOT_EQUAL) {
                continue;
            }
            boolean upper = isUpperBound(constraint);
            if (previousUpper != null && previousUpper == upper) {
                throw new InvalidConstraintException(scheme, text,
                        "bounds must alternate between lower (> >=) and upper (< <=) in version order");
            }
            previousUpper = upper;
        }
    }

    private static boolean isUpperBound(Comparison constraint) {
        return constraint.operator() == Operator.LESS || constraint.operator() == Operator.LESS_OR_EQUAL;
    }

    // Follows the vers containment algorithm: != excludes, = includes, and the remaining bounds,
    // in version order, pair into intervals.
    @Override
    public boolean contains(String version) {
        scheme.validate(version);
        if (wildcard) {
            return true;
        }
        for (Comparison constraint : constraints) {
            if (constraint.operator() == Operator.NOT_EQUAL && scheme.compare(version, constraint.version()) == 0) {
                return false;
            }
        }
        List<Comparison> bounds = constraints.stream()
                .filter(constraint -> constraint.operator() != Operator.NOT_EQUAL)
                .toList();
        if (bounds.isEmpty()) {
            return true;
        }
        for (int index = 0; index < bounds.size(); index++) {
            Comparison current = bounds.get(index);
            if (current.operator() == Operator.EQUAL) {
                if (current.matches(scheme, version)) {
                    return true;
                }
                continue;
            }
            boolean upper = isUpperBound(current);
            if (index == 0 && upper && current.matches(scheme, version)) {
                return true;
            }
            if (index == bounds.size() - 1 && !upper && current.matches(scheme, version)) {
                return true;
            }
            if (!upper && index + 1 < bounds.size()) {
                Comparison next = bounds.get(index + 1);
                if (isUpperBound(next) && current.matches(scheme, version) && next.matches(scheme, version)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String schemeName(String text) {
        String body = text.strip();
        int slash = body.indexOf('/');
        if (!body.startsWith("vers:") || slash < 0) {
            throw new InvalidConstraintException(VersionScheme.GENERIC, text,
                    "expected vers:<scheme>/<constraints>, for example vers:npm/>=1.0.0|<2.0.0");
        }
        return body.substring("vers:".length(), slash);
    }
}
