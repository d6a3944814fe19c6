package dev.portcullis.catalog.java;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Derives {@code CONTAINS} relationships from path chains: the package of
 * {@code /app/app.war} contains the package of {@code /app/app.war!/WEB-INF/lib/log4j-core-2.14.1.jar}.
 *
 * <p>Each archive has one primary package: the one whose artifactId appears in the file name, else
 * the one named from the manifest or file name, else the first. The primary package contains the other
 * packages of its archive (the artifacts a shaded jar embeds) and the primary packages of the archives
 * nested in it. An archive that gave no package is passed over, so its nested archives belong to the
 * nearest enclosing archive that did. The scanned image or folder depends on each top-level archive.
 */
final class ArchiveRelationships {

    private static final String NESTING = "!/";

    private ArchiveRelationships() {}

    /**
     * Returns the relationships among the packages of one top-level archive.
     *
     * @param packagesByChain the packages of each archive by path chain, the top-level archive included
     */
    static List<Dependency> of(Map<String, List<Package>> packagesByChain) {
        List<Dependency> dependencies = new ArrayList<>();
        packagesByChain.forEach((chain, packages) -> {
            if (packages.isEmpty()) {
                return;
            }
            Package primary = primary(chain, packages);
            for (Package other : packages) {
                if (other != primary) {
                    dependencies.add(Dependency.contains(primary, other));
                }
            }
            Package container = container(chain, packagesByChain);
            if (container != null) {
                dependencies.add(Dependency.contains(container, primary));
            } else if (!chain.contains(NESTING)) {
                dependencies.add(Dependency.rootDependsOn(primary));
            }
        });
        return dependencies;
    }

    /** Returns the primary package of the nearest enclosing archive that has packages, or null. */
    private static Package container(String chain, Map<String, List<Package>> packagesByChain) {
        String current = chain;
        int nesting = current.lastIndexOf(NESTING);
        while (nesting > 0) {
            current = current.substring(0, nesting);
            List<Package> packages = packagesByChain.getOrDefault(current, List.of());
            if (!packages.isEmpty()) {
                return primary(current, packages);
            }
            nesting = current.lastIndexOf(NESTING);
        }
        return null;
    }

    private static Package primary(String chain, List<Package> packages) {
        String stem = JarFileName.of(chain).stem();
        for (Package pkg : packages) {
            if (stem.contains(pkg.name())) {
                return pkg;
            }
        }
        for (Package pkg : packages) {
            if (!MavenCoordinates.POM_PROPERTIES.equals(pkg.properties().get("source"))) {
                return pkg;
            }
        }
        return packages.getFirst();
    }
}
