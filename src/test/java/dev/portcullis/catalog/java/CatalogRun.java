package dev.portcullis.catalog.java;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packages and skipped parts of one cataloger run over a folder, for tests. */
public record CatalogRun(List<Package> packages, List<Skipped> skipped) {

    public static CatalogRun of(Cataloger cataloger, Path root) {
        List<Skipped> skipped = new ArrayList<>();
        CatalogContext context = new CatalogContext(FolderFileResolver.rootFilesystem(root), Distro.UNKNOWN, List.of(), skipped::add);
        List<Package> packages = cataloger.catalog(context);
        return new CatalogRun(packages, skipped);
    }

    /** Returns {@code group:artifact@version} (or {@code name@version} without a group) of every package. */
    public List<String> coordinates() {
        return packages.stream().map(CatalogRun::coordinates).toList();
    }

    public static String coordinates(Package pkg) {
        String group = pkg.properties().get("groupId");
        return (group == null ? "" : group + ":") + pkg.name() + "@" + pkg.version();
    }
}
