package dev.portcullis.catalog.npm;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Catalogs the packages that project lockfiles ({@code package-lock.json}, {@code npm-shrinkwrap.json})
 * pin, with their development flag. Where the lockfile or the package.json beside it records the
 * project's own dependencies, each package also gets whether the project depends on it directly. Meant for project folders: in an image the installed
 * packages are what runs, and {@link PackageJsonCataloger} reports those.
 */
public final class PackageLockCataloger implements Cataloger {

    public static final String NAME = "npm-lockfile-cataloger";

    private static final Logger LOG = LoggerFactory.getLogger(PackageLockCataloger.class);
    private static final List<String> FILE_NAMES = List.of("package-lock.json", "npm-shrinkwrap.json");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs("**/package-lock.json", "**/npm-shrinkwrap.json", "**/package.json");
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        return catalogWithDependencies(context).packages();
    }

    /** Returns the packages with their dependencies as the lockfile resolves them, see {@link PackageLockEdges}. */
    @Override
    public CatalogResult catalogWithDependencies(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (String fileName : FILE_NAMES) {
            for (FileEntry lockfile : ProjectFiles.projectFiles(context.files(), fileName)) {
                catalogLockfile(context, lockfile, packages, dependencies);
            }
        }
        return new CatalogResult(packages, dependencies);
    }

    private void catalogLockfile(CatalogContext context, FileEntry lockfile, List<Package> packages,
            List<Dependency> dependencies) {
        String path = lockfile.path();
        JsonNode root;
        try {
            root = ProjectFiles.readJsonObject(context.files(), path);
        } catch (IOException e) {
            context.skipped().accept(new Skipped(path, "invalid JSON in lockfile (" + e.getMessage()
                    + "); its packages are left out"));
            return;
        }
        PackageJson manifest = ProjectFiles.readManifest(context.files(), ProjectFiles.folderOf(path), context.skipped());
        List<LockedPackage> locked = new PackageLockParser(path, context.skipped()).parse(root, manifest);
        LOG.debug("{}: {} packages", path, locked.size());
        List<Package> found = locked.stream()
                .map(entry -> entry.toPackage(NAME, path, context.layer(lockfile.layerIndex())))
                .toList();
        packages.addAll(found);
        dependencies.addAll(LockEdge.toDependencies(found, PackageLockEdges.read(root, manifest)));
    }
}
