package dev.portcullis.version;

import java.util.List;

/**
 * The union of several constraints, as one OSV {@code affected} entry combines its ranges and
 * its {@code versions} list.
 */
public record AnyOf(VersionScheme scheme, List<Constraint> constraints) implements Constraint {

    public AnyOf {
        constraints = List.copyOf(constraints);
        for (Constraint constraint : constraints) {
            if (constraint.scheme() != scheme) {
                throw new IllegalArgumentException("cannot combine a " + constraint.scheme().versName()
                        + " constraint into a " + scheme.versName() + " union");
            }
        }
    }

    @Override
    public boolean contains(String version) {
        scheme.validate(version);
        return constraints.stream().anyMatch(constraint -> constraint.contains(version));
    }
}
