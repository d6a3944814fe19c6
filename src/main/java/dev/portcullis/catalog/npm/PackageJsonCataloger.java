package dev.portcullis.catalog.npm;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogs installed npm packages: every {@code node_modules/<name>/package.json} and
 * {@code node_modules/@scope/<name>/package.json} that declares a name and a version. Each copy on disk
 * is its own package, so express 4.17.1 at the top level and express 5.1.0 nested under another
 * package are two packages with their own locations.
 *
 * <p>When the folder holding the node_modules has a package.json, the packages get {@code direct} and
 * {@code scope} properties from it and its lockfile. A lockfile entry with nothing on disk (a
 * development package left out by {@code npm ci --omit=dev}) is not reported. Packages of npm, yarn
 * and corepack installs get {@code tooling=true}.
 *
 * <p>Example: {@code /usr/src/app/node_modules/lodash/package.json} with {@code "name": "lodash",
 * "version": "4.17.15"} gives {@code pkg:npm/lodash@4.17.15} located at that file.
 *
 * @see <a href="https://nodejs.org/api/modules.html#loading-from-node_modules-folders">Loading from node_modules folders</a>
 */
public final class PackageJsonCataloger implements Cataloger {

    public static final String NAME = "npm-package-cataloger";

    private static final Logger LOG = LoggerFactory.getLogger(PackageJsonCataloger.class);

    /** An installed package.json, with its package folder. */
    private record Installed(String folder, FileEntry entry, PackageJson packageJson) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs("**/package.json", "**/package-lock.json", "**/npm-shrinkwrap.json",
                "**/node_modules/.package-lock.json");
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        return catalogWithDependencies(context).packages();
    }

    // TODO: yarn Plug'n'Play installs keep packages as zip files in .yarn/cache, not in node_modules, so
    // an image installed that way shows no packages here. Only project scans cover it, through yarn.lock.
    /** Returns the installed packages with the dependencies their package.json files name, see {@link InstalledEdges}. */
    @Override
    public CatalogResult catalogWithDependencies(CatalogContext context) {
        List<Installed> installed = readInstalled(context);
        Map<String, Optional<InstalledProject>> projects = new HashMap<>();
        Map<String, Map<String, PackageJson>> installedByProject = new HashMap<>();
        Map<Installed, InstalledProject> projectOf = new LinkedHashMap<>();
        for (Installed candidate : installed) {
            InstalledProject project = projectOf(context, candidate.folder(), projects);
            projectOf.put(candidate, project);
            if (project != null) {
                installedByProject.computeIfAbsent(project.folder(), key -> new HashMap<>())
                        .put(NodeModulesPath.relativeTo(project.folder(), candidate.folder()), candidate.packageJson());
            }
        }
        List<Package> packages = new ArrayList<>();
        List<InstalledEdges.Node> nodes = new ArrayList<>();
        projectOf.forEach((candidate, project) -> {
            Package pkg = toPackage(context, candidate, project,
                    project == null ? Map.of() : installedByProject.get(project.folder()));
            packages.add(pkg);
            nodes.add(new InstalledEdges.Node(candidate.folder(), candidate.packageJson(), pkg, project));
        });
        return new CatalogResult(packages, InstalledEdges.find(nodes));
    }

    private List<Installed> readInstalled(CatalogContext context) {
        FileResolver files = context.files();
        List<Installed> installed = new ArrayList<>();
        for (FileEntry entry : files.glob("**/node_modules/**/package.json")) {
            String path = entry.path();
            if (!entry.isRegularFile() || !NodeModulesPath.isPackageManifest(path)) {
                continue;
            }
            PackageJson packageJson;
            try (InputStream in = files.open(path)) {
                packageJson = PackageJson.read(in);
            } catch (IOException e) {
                context.skipped().accept(new Skipped(path, "invalid package.json (" + e.getMessage()
                        + "); this package is left out"));
                continue;
            }
            if (!packageJson.isPackage()) {
                // Test fixtures and stubs inside packages often have a package.json without a name or version.
                LOG.debug("{}: no name or version, not an installed package", path);
                continue;
            }
            installed.add(new Installed(ProjectFiles.folderOf(path), entry, packageJson));
        }
        return installed;
    }

    /** Returns the project in the outermost folder on the package's path that has a package.json, or null. */
    private static InstalledProject projectOf(CatalogContext context, String packageFolder,
            Map<String, Optional<InstalledProject>> projects) {
        for (String candidate : NodeModulesPath.projectCandidates(packageFolder)) {
            Optional<InstalledProject> project = projects.computeIfAbsent(candidate,
                    folder -> Optional.ofNullable(InstalledProject.read(context.files(), folder, context.skipped())));
            if (project.isPresent()) {
                return project.get();
            }
        }
        return null;
    }

    private static Package toPackage(CatalogContext context, Installed installed, InstalledProject project,
            Map<String, PackageJson> projectPackages) {
        PackageJson packageJson = installed.packageJson();
        Map<String, String> properties = new LinkedHashMap<>();
        if (packageJson.author() != null && !packageJson.author().isBlank()) {
            properties.put(NpmProperties.AUTHOR, packageJson.author());
        }
        if (project != null) {
            String relativePath = NodeModulesPath.relativeTo(project.folder(), installed.folder());
            String scope = project.scope(relativePath, projectPackages);
            if (scope != null) {
                properties.put(NpmProperties.SCOPE, scope);
            }
            properties.put(NpmProperties.DIRECT, Boolean.toString(project.isDirect(relativePath)));
        }
        if (NodeModulesPath.isTooling(installed.folder())) {
            properties.put(NpmProperties.TOOLING, "true");
        }
        String installName = NodeModulesPath.installName(installed.folder());
        if (!installName.equals(packageJson.name())) {
            properties.put(NpmProperties.ALIAS, installName);
        }
        return new Package(PackageType.NPM, packageJson.name(), packageJson.version(), null, null,
                NpmPurl.of(packageJson.name(), packageJson.version()), NAME, List.of(installed.entry().path()),
                List.of(), context.layer(installed.entry().layerIndex()), packageJson.licenses(), Map.copyOf(properties));
    }
}
