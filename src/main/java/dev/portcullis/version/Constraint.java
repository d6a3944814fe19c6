package dev.portcullis.version;

import java.util.List;

/**
 * A set of versions, as vulnerability data describes the versions a flaw affects.
 *
 * <p>Shapes: constraint strings ({@code > 1.0, < 1.4 || >= 2.0}, node-semver ranges for npm),
 * {@code vers:} ranges, OSV range events and explicit version lists. Example:
 * {@code Constraint.parse(VersionScheme.DEB, "< 1:2.3-1").contains("1:2.2-4")} is true.
 */
public sealed interface Constraint permits ConstraintExpression, VersRange, OsvRange, VersionList, AnyOf {

    /** The scheme whose ordering decides membership. */
    VersionScheme scheme();

    /**
     * Returns whether {@code version} is in the set.
     *
     * @throws InvalidVersionException if {@code version} cannot be read under {@link #scheme()}
     */
    boolean contains(String version);

    /**
     * Reads a constraint string, or a {@code vers:} range when the text starts with {@code vers:}.
     * An empty string contains every version.
     *
     * @throws InvalidConstraintException if the text cannot be read, naming the text and the cause
     */
    static Constraint parse(VersionScheme scheme, String text) {
        if (text.strip().startsWith("vers:")) {
            VersRange range = VersRange.parse(text);
            if (range.scheme() != scheme) {
                throw new InvalidConstraintException(scheme, text,
                        "the range is for " + range.scheme().versName() + " versions, not " + scheme.versName());
            }
            return range;
        }
        return new ConstraintExpression(scheme, text, ConstraintParser.parse(scheme, text));
    }

    /** Returns the set of versions contained in at least one of {@code constraints}. */
    static Constraint anyOf(VersionScheme scheme, List<? extends Constraint> constraints) {
        return new AnyOf(scheme, List.copyOf(constraints));
    }
}
