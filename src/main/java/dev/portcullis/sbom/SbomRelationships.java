package dev.portcullis.sbom;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an inventory's {@link Dependency} edges into edges between SBOM references, and reads whether a
 * package is needed only for development.
 *
 * <p>Example: with {@code pkg:npm/%40nestjs/platform-express@11.1.6} and {@code pkg:npm/express@5.1.0} as
 * the references of two packages, their {@code DEPENDS_ON} edge becomes
 * {@code Edge(fromRef = "pkg:npm/%40nestjs/platform-express@11.1.6", toRef = "pkg:npm/express@5.1.0")}.
 */
public final class SbomRelationships {

    /** Orders edges by the depending reference (the root first), then by the reference depended on. */
    private static final Comparator<Edge> ORDER = Comparator
            .comparing(Edge::fromRef, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Edge::toRef)
            .thenComparing(Edge::kind);

    private SbomRelationships() {}

    /**
     * One edge between document references.
     *
     * @param fromRef the reference of the depending or containing package, or null for the image or
     *     project folder that the document describes
     */
    public record Edge(String fromRef, String toRef, Dependency.Kind kind) {}

    /**
     * Returns the edges whose packages are among the identified ones, without repeats and in a stable
     * order. An edge naming a package that is not in the list is left out.
     */
    public static List<Edge> edges(List<SbomPackages.Identified> identified, List<Dependency> dependencies) {
        Map<String, String> refById = new HashMap<>();
        for (SbomPackages.Identified entry : identified) {
            refById.putIfAbsent(Dependency.idOf(entry.pkg()), entry.ref());
        }
        Set<Edge> edges = new LinkedHashSet<>();
        for (Dependency dependency : dependencies) {
            String toRef = refById.get(dependency.toPackageId());
            boolean fromRoot = Dependency.ROOT_ID.equals(dependency.fromPackageId());
            String fromRef = fromRoot ? null : refById.get(dependency.fromPackageId());
            if (toRef != null && (fromRoot || fromRef != null)) {
                edges.add(new Edge(fromRef, toRef, dependency.kind()));
            }
        }
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort(ORDER);
        return sorted;
    }

    /**
     * Returns true for a package only development needs, false for one a production install needs, and
     * empty when its cataloger cannot tell. Reads the npm {@code scope} property ({@code dev} or
     * {@code prod}) and the {@code development} property of the Python and PHP lockfile catalogers.
     */
    public static Optional<Boolean> isDevelopment(Package pkg) {
        Map<String, String> properties = pkg.properties() == null ? Map.of() : pkg.properties();
        String scope = properties.get("scope");
        if ("dev".equals(scope) || "prod".equals(scope)) {
            return Optional.of("dev".equals(scope));
        }
        String development = properties.get("development");
        if ("true".equals(development) || "false".equals(development)) {
            return Optional.of(Boolean.parseBoolean(development));
        }
        return Optional.empty();
    }
}
