package dev.portcullis.version;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A constraint string read by {@link Constraint#parse}: alternatives, each a list of comparisons
 * that must all hold. One alternative with no comparisons contains every version.
 *
 * <p>NOTE: under {@link VersionScheme#NPM} a pre-release is compared by plain ordering, so
 * {@code 1.2.3-beta} is in {@code < 1.2.3}; node-semver's satisfies() would leave it out, but OSV
 * ranges of the same advisory use plain ordering.
 */
public record ConstraintExpression(VersionScheme scheme, String text, List<List<Comparison>> alternatives)
        implements Constraint {

    public ConstraintExpression {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    @Override
    public boolean contains(String version) {
        scheme.validate(version);
        for (List<Comparison> alternative : alternatives) {
            if (alternative.stream().allMatch(comparison -> comparison.matches(scheme, version))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return alternatives.stream()
                .map(alternative -> alternative.stream().map(Comparison::toString).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" || "));
    }
}
