package dev.portcullis.catalog.npm;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogs the packages that project {@code pnpm-lock.yaml} files pin, versions 5 to 9. See
 * {@link PnpmLockParser} for the format.
 */
public final class PnpmLockCataloger implements Cataloger {

    public static final String NAME = "pnpm-lock-cataloger";

    private static final Logger LOG = LoggerFactory.getLogger(PnpmLockCataloger.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs("**/pnpm-lock.yaml");
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        return catalogWithDependencies(context).packages();
    }

    @Override
    public CatalogResult catalogWithDependencies(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (FileEntry lockfile : ProjectFiles.projectFiles(context.files(), "pnpm-lock.yaml")) {
            String path = lockfile.path();
            PnpmLockParser parser = new PnpmLockParser(path, context.skipped());
            List<LockedPackage> locked;
            try {
                locked = parser.parse(ProjectFiles.readText(context.files(), path));
            } catch (IOException | IllegalArgumentException e) {
                context.skipped().accept(new Skipped(path, "cannot read lockfile (" + e.getMessage() + "); its packages are left out"));
                continue;
            }
            LOG.debug("{}: {} packages", path, locked.size());
            List<Package> found = locked.stream()
                    .map(entry -> entry.toPackage(NAME, path, context.layer(lockfile.layerIndex())))
                    .toList();
            packages.addAll(found);
            dependencies.addAll(LockEdge.toDependencies(found, parser.edges()));
        }
        return new CatalogResult(packages, dependencies);
    }
}
