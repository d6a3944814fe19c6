package dev.portcullis.catalog;

import dev.portcullis.catalog.os.DistroDetector;
import dev.portcullis.image.Skipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: the packages and skipped parts of one cataloger run over a folder resolver. */
public record CatalogRun(List<Package> packages, List<Skipped> skipped) {

    /** Runs the cataloger with the distro detected from the folders. */
    public static CatalogRun of(Cataloger cataloger, FolderFileResolver files) {
        return of(cataloger, files, new DistroDetector().detect(files));
    }

    public static CatalogRun of(Cataloger cataloger, FolderFileResolver files, Distro distro) {
        List<Skipped> skipped = new ArrayList<>();
        List<Package> packages = cataloger.catalog(new CatalogContext(files, distro, files.layerList(), skipped::add));
        return new CatalogRun(packages, skipped);
    }

    public Optional<Package> find(String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Package get(String name) {
        return find(name).orElseThrow(() -> new AssertionError(name + " not found in " + packages.stream()
                .map(Package::name).toList()));
    }
}
