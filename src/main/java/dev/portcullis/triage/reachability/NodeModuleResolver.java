package dev.portcullis.triage.reachability;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.triage.reachability.ScannedModule.ImportKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves module specifiers the way Node.js does, over the files of an image. Follows the
 * <a href="https://nodejs.org/api/modules.html#all-together">CommonJS resolution algorithm</a>: core
 * modules first; relative and absolute paths as a file (as is, then with {@code .js}, {@code .json},
 * {@code .node}, {@code .cjs}, {@code .mjs}) or a folder ({@code main}, then {@code index.*});
 * {@code #name} through the nearest package.json {@code imports}; bare names in the
 * {@code node_modules} folder of the importing file's folder and of every parent, nearest first, with
 * the package's {@code exports} when it has one; then the NODE_PATH folders.
 *
 * <p>Example: {@code resolve("/app/dist/main.js", "lodash", REQUIRE)} gives
 * {@code /app/node_modules/lodash/lodash.js} when lodash's package.json has {@code "main": "lodash.js"}.
 */
final class NodeModuleResolver {

    private static final Logger LOG = LoggerFactory.getLogger(NodeModuleResolver.class);
    private static final List<String> EXTENSIONS = List.of(".js", ".json", ".node", ".cjs", ".mjs");
    private static final Set<String> REQUIRE_CONDITIONS = Set.of("require", "node", "node-addons");
    private static final Set<String> IMPORT_CONDITIONS = Set.of("import", "node", "node-addons");

    private final FileResolver files;
    private final List<String> nodePath;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<PackageManifest>> manifests = new HashMap<>();

    /**
     * @param nodePath the folders of the NODE_PATH environment variable, searched after node_modules
     */
    NodeModuleResolver(FileResolver files, List<String> nodePath) {
        this.files = files;
        this.nodePath = List.copyOf(nodePath);
    }

    Resolution resolve(String fromFile, String specifier, ImportKind kind) {
        String core = NodeBuiltins.coreModule(specifier);
        if (core != null) {
            return new Resolution.Builtin(core);
        }
        String folder = ModulePaths.parent(fromFile);
        if (ModulePaths.isPath(specifier)) {
            String target = ModulePaths.join(folder, specifier);
            return found(loadFileOrFolder(target), "no file or folder " + target);
        }
        Set<String> conditions = kind == ImportKind.REQUIRE ? REQUIRE_CONDITIONS : IMPORT_CONDITIONS;
        if (specifier.startsWith("#")) {
            return resolvePackageImport(folder, specifier, kind, conditions);
        }
        return resolvePackage(folder, specifier, conditions);
    }

    /** Returns the package.json of the folder, or empty when it has none or it is not valid JSON. */
    Optional<PackageManifest> manifest(String packageFolder) {
        return manifests.computeIfAbsent(packageFolder, this::readManifest);
    }

    private Resolution resolvePackage(String folder, String specifier, Set<String> conditions) {
        String name = ModulePaths.packageName(specifier);
        String subpath = specifier.substring(name.length());
        Optional<PackageManifest> scope = packageScope(folder);
        if (scope.isPresent() && name.equals(scope.get().name()) && scope.get().exports() != null) {
            // A package with "exports" may load itself by its own name.
            return loadFromPackage(scope.get().folder(), subpath, conditions).orElseThrow();
        }
        for (String modules : ModulePaths.nodeModulesFolders(folder)) {
            Optional<Resolution> found = loadFromPackage(modules + "/" + name, subpath, conditions);
            if (found.isPresent()) {
                return found.get();
            }
        }
        for (String modules : nodePath) {
            Optional<Resolution> found = loadFromPackage(ModulePaths.join(modules, name), subpath, conditions);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new Resolution.NotFound("no package " + name + " in any node_modules folder above " + folder);
    }

    private Optional<Resolution> loadFromPackage(String packageFolder, String subpath, Set<String> conditions) {
        Optional<PackageManifest> manifest = manifest(packageFolder);
        if (manifest.isPresent() && manifest.get().exports() != null) {
            String target = PackageTargets.resolveExport(manifest.get().exports(), "." + subpath, conditions);
            if (target == null) {
                return Optional.of(new Resolution.NotFound(packageFolder + "/package.json does not export ."
                        + subpath));
            }
            String path = ModulePaths.join(packageFolder, target);
            return Optional.of(found(regularFile(path), "no file " + path + " exported by " + packageFolder));
        }
        return loadFileOrFolder(packageFolder + subpath).map(Resolution.ModuleFile::new);
    }

    private Resolution resolvePackageImport(String folder, String specifier, ImportKind kind,
            Set<String> conditions) {
        Optional<PackageManifest> scope = packageScope(folder);
        if (scope.isEmpty()) {
            return new Resolution.NotFound("no package.json above " + folder + " to map " + specifier);
        }
        String packageFolder = scope.get().folder();
        JsonNode imports = scope.get().imports();
        String target = imports == null ? null : PackageTargets.resolveImport(imports, specifier, conditions);
        if (target == null) {
            return new Resolution.NotFound(packageFolder + "/package.json does not map " + specifier);
        }
        if (target.startsWith("./")) {
            String path = ModulePaths.join(packageFolder, target);
            return found(regularFile(path), "no file " + path + " mapped by " + packageFolder);
        }
        return resolve(packageFolder + "/package.json", target, kind);
    }

    /** Returns the nearest package.json at or above the folder, which scopes imports and self-references. */
    private Optional<PackageManifest> packageScope(String folder) {
        for (String candidate = folder; candidate != null; candidate = ModulePaths.parentOrNull(candidate)) {
            Optional<PackageManifest> manifest = manifest(candidate);
            if (manifest.isPresent()) {
                return manifest;
            }
        }
        return Optional.empty();
    }

    private static Resolution found(Optional<String> path, String reason) {
        return path.<Resolution>map(Resolution.ModuleFile::new).orElseGet(() -> new Resolution.NotFound(reason));
    }

    private Optional<String> loadFileOrFolder(String path) {
        Optional<String> file = loadAsFile(path);
        return file.isPresent() ? file : loadAsFolder(path);
    }

    private Optional<String> loadAsFile(String path) {
        Optional<String> exact = regularFile(path);
        if (exact.isPresent()) {
            return exact;
        }
        for (String extension : EXTENSIONS) {
            Optional<String> withExtension = regularFile(path + extension);
            if (withExtension.isPresent()) {
                return withExtension;
            }
        }
        return Optional.empty();
    }

    private Optional<String> loadAsFolder(String path) {
        Optional<PackageManifest> manifest = manifest(path);
        if (manifest.isPresent() && manifest.get().main() != null) {
            String main = ModulePaths.join(path, manifest.get().main());
            Optional<String> file = loadAsFile(main);
            Optional<String> index = file.isPresent() ? file : loadIndex(main);
            if (index.isPresent()) {
                return index;
            }
        }
        return loadIndex(path);
    }

    private Optional<String> loadIndex(String folder) {
        for (String extension : EXTENSIONS) {
            Optional<String> index = regularFile(folder + "/index" + extension);
            if (index.isPresent()) {
                return index;
            }
        }
        return Optional.empty();
    }

    private Optional<String> regularFile(String path) {
        return files.find(path).filter(FileEntry::isRegularFile).map(FileEntry::path);
    }

    private Optional<PackageManifest> readManifest(String packageFolder) {
        String path = packageFolder + "/package.json";
        if (regularFile(path).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = files.open(path)) {
            JsonNode root = json.readTree(in);
            return root != null && root.isObject() ? Optional.of(PackageManifest.of(packageFolder, root))
                    : Optional.empty();
        } catch (JacksonException e) {
            LOG.warn("Ignoring {}: it is not valid JSON ({}); resolution goes on as if it were absent", path,
                    e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Ignoring {}: {}; resolution goes on as if it were absent", path, e.getMessage());
            return Optional.empty();
        }
    }
}
