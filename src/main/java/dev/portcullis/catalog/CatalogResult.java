package dev.portcullis.catalog;

import java.util.List;

/**
 * The output of one cataloger: the packages and the relationships among them that its files record.
 *
 * @param packages the packages found
 * @param dependencies edges between those packages, or from {@link Dependency#ROOT_ID} to them, possibly empty
 */
public record CatalogResult(List<Package> packages, List<Dependency> dependencies) {

    public CatalogResult {
        packages = List.copyOf(packages);
        dependencies = List.copyOf(dependencies);
    }
}
