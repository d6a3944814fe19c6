package dev.portcullis.sbom.cyclonedx;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.sbom.SbomPackages;
import dev.portcullis.sbom.SbomRelationships;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cyclonedx.model.Dependency;

/**
 * Builds the CycloneDX {@code dependencies} graph from an inventory's relationships.
 *
 * <p>Every component that takes part in a relationship gets an entry, with an empty {@code dependsOn}
 * when it depends on nothing, because CycloneDX 1.6 reads a missing entry as unknown dependencies and
 * an empty one as none. The image (the metadata component) depends on the packages the application
 * uses directly. CycloneDX would nest a contained component inside its container, but the component
 * list stays flat, so an archive depends on the archives it contains: a war on its
 * {@code WEB-INF/lib} jars.
 *
 * <pre>{@code
 * "dependencies": [
 *   {"ref": "pkg:oci/demo-nest-api@sha256%3A...", "dependsOn": ["pkg:npm/@nestjs/platform-express@11.1.6"]},
 *   {"ref": "pkg:npm/@nestjs/platform-express@11.1.6", "dependsOn": ["pkg:npm/express@5.1.0"]},
 *   {"ref": "pkg:npm/express@5.1.0", "dependsOn": []}
 * ]
 * }</pre>
 *
 * @see <a href="https://cyclonedx.org/docs/1.6/json/#dependencies">CycloneDX 1.6 dependencies</a>
 */
final class DependencyMapper {

    private DependencyMapper() {}

    /** Returns the graph entries ordered by reference, or an empty list when the inventory records no relationships. */
    static List<Dependency> dependencies(String rootRef, List<SbomPackages.Identified> identified, Inventory inventory) {
        Map<String, TreeSet<String>> dependsOn = new TreeMap<>();
        for (SbomRelationships.Edge edge : SbomRelationships.edges(identified, inventory.dependencies())) {
            String from = edge.fromRef() == null ? rootRef : edge.fromRef();
            dependsOn.computeIfAbsent(from, ref -> new TreeSet<>()).add(edge.toRef());
            dependsOn.computeIfAbsent(edge.toRef(), ref -> new TreeSet<>());
        }
        List<Dependency> dependencies = new ArrayList<>(dependsOn.size());
        dependsOn.forEach((ref, targets) -> {
            Dependency dependency = new Dependency(ref);
            targets.forEach(target -> dependency.addDependency(new Dependency(target)));
            dependencies.add(dependency);
        });
        return dependencies;
    }
}
