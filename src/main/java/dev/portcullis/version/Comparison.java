package dev.portcullis.version;

/**
 * One comparison of a candidate version with a bound, such as {@code < 2.0.0}.
 *
 * <p>Under {@link VersionScheme#PYPI} a bound without a local label ignores the candidate's local
 * label, as PEP 440 specifiers do ({@code 2.0.0+cgr.1} is {@code = 2.0.0} and {@code <= 2.0.0}),
 * and a bound ending in {@code .*} matches by prefix with {@code =} and {@code !=}
 * ({@code 1.4.2} is {@code = 1.4.*}).
 */
public record Comparison(Operator operator, String version) {

    /** A comparison operator. */
    public enum Operator {
        EQUAL("="),
        NOT_EQUAL("!="),
        LESS("<"),
        LESS_OR_EQUAL("<="),
        GREATER(">"),
        GREATER_OR_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean accepts(int order) {
            return switch (this) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
    }

    /** Returns whether {@code candidate} satisfies this comparison under {@code scheme}. */
    public boolean matches(VersionScheme scheme, String candidate) {
        if (scheme != VersionScheme.PYPI) {
            return operator.accepts(scheme.compare(candidate, version));
        }
        if (Pep440Bounds.isPrefix(version)) {
            boolean equal = Pep440Bounds.matchesPrefix(version, candidate);
            return operator == Operator.NOT_EQUAL ? !equal : equal;
        }
        // PEP 440 ignores the candidate's local label when the bound has none.
        String compared = Pep440VersionComparator.hasLocal(version)
                ? candidate
                : Pep440VersionComparator.publicPart(candidate);
        return operator.accepts(scheme.compare(compared, version));
    }

    @Override
    public String toString() {
        return operator.symbol() + " " + version;
    }
}
