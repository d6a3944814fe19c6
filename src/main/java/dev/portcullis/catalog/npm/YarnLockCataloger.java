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
 * Catalogs the packages that project {@code yarn.lock} files pin (yarn 1 and berry), with direct and
 * development flags when a package.json sits beside the lockfile. See {@link YarnLockParser} for the format.
 */
public final class YarnLockCataloger implements Cataloger {

    public static final String NAME = "yarn-lock-cataloger";

    private static final Logger LOG = LoggerFactory.getLogger(YarnLockCataloger.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs("**/yarn.lock", "**/package.json");
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        return catalogWithDependencies(context).packages();
    }

    @Override
    public CatalogResult catalogWithDependencies(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (FileEntry lockfile : ProjectFiles.projectFiles(context.files(), "yarn.lock")) {
            String path = lockfile.path();
            String text;
            try {
                text = ProjectFiles.readText(context.files(), path);
            } catch (IOException e) {
                context.skipped().accept(new Skipped(path, "cannot read lockfile (" + e.getMessage() + "); its packages are left out"));
                continue;
            }
            PackageJson manifest = ProjectFiles.readManifest(context.files(), ProjectFiles.folderOf(path), context.skipped());
            YarnLockParser parser = new YarnLockParser(path, context.skipped());
            List<LockedPackage> locked = parser.parse(text, manifest);
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
