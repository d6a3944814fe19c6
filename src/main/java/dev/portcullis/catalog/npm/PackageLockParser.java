package dev.portcullis.catalog.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.image.Skipped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses package-lock.json and npm-shrinkwrap.json, lockfile versions 1, 2 and 3.
 *
 * <p>Versions 2 and 3 key each entry of {@code packages} by its install path; version 1 nests
 * {@code dependencies} inside each other, which this parser flattens into the same paths. Example
 * (version 3):
 *
 * <pre>{@code
 * "packages": {
 *   "": {"name": "app", "dependencies": {"express": "4.17.1"}},
 *   "node_modules/express": {"version": "4.17.1"},
 *   "node_modules/typescript": {"version": "5.9.2", "dev": true}
 * }
 * }</pre>
 *
 * gives express 4.17.1 (prod, direct) and typescript 5.9.2 (dev, not direct). The root entry is the
 * project itself and is not returned. A workspace folder entry is returned once, through its
 * {@code node_modules} link, under the link's name.
 *
 * @see <a href="https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json">package-lock.json</a>
 */
final class PackageLockParser {

    private static final Logger LOG = LoggerFactory.getLogger(PackageLockParser.class);
    private static final String NODE_MODULES = "node_modules/";

    private final String location;
    private final Consumer<Skipped> skipped;

    /**
     * @param location the lockfile path, used in skip reasons
     * @param skipped receives entries that cannot be used
     */
    PackageLockParser(String location, Consumer<Skipped> skipped) {
        this.location = location;
        this.skipped = skipped;
    }

    /**
     * Returns every package entry of the lockfile.
     *
     * @param manifest the package.json beside the lockfile, or null; version 1 lockfiles need it to
     *     tell direct dependencies apart
     */
    List<LockedPackage> parse(JsonNode lockfile, PackageJson manifest) {
        int lockfileVersion = lockfile.path("lockfileVersion").asInt(1);
        JsonNode packages = lockfile.get("packages");
        if (lockfileVersion >= 2 && packages != null && packages.isObject()) {
            return parsePackages(packages, manifest);
        }
        List<LockedPackage> result = new ArrayList<>();
        Set<String> directNames = manifest == null ? null : manifest.directNames();
        parseNestedDependencies(lockfile.get("dependencies"), "", false, directNames, result);
        return result;
    }

    private List<LockedPackage> parsePackages(JsonNode packages, PackageJson manifest) {
        JsonNode rootEntry = packages.path("");
        Set<String> directNames = new HashSet<>(PackageJson.from(rootEntry).directNames());
        if (manifest != null) {
            directNames.addAll(manifest.directNames());
        }
        List<LockedPackage> result = new ArrayList<>();
        for (var field : packages.properties()) {
            String key = field.getKey();
            // Keys outside node_modules are the root and workspace folders; a workspace is reported
            // through the node_modules link that points at it.
            if (!key.contains(NODE_MODULES)) {
                continue;
            }
            LockedPackage locked = fromPackagesEntry(key, field.getValue(), packages, directNames);
            if (locked != null) {
                result.add(locked);
            }
        }
        return result;
    }

    private LockedPackage fromPackagesEntry(String key, JsonNode entry, JsonNode packages, Set<String> directNames) {
        String installName = key.substring(key.lastIndexOf(NODE_MODULES) + NODE_MODULES.length());
        boolean link = entry.path("link").asBoolean(false);
        JsonNode target = link ? linkTarget(key, entry, packages) : entry;
        if (target == null) {
            return null;
        }

        boolean workspace = link && !PackageJson.text(entry.get("resolved")).contains(NODE_MODULES);
        String version = PackageJson.text(target.get("version"));
        if (version == null && !workspace) {
            skipped.accept(new Skipped(location + ": " + key, "lockfile entry has no version; the package is left out"));
            return null;
        }

        String declaredName = link ? null : PackageJson.text(entry.get("name"));
        String name = declaredName != null ? declaredName : installName;
        String alias = declaredName != null && !declaredName.equals(installName) ? installName : null;
        boolean topLevel = key.equals(NODE_MODULES + installName);
        boolean direct = topLevel && (directNames.contains(installName) || workspace);
        boolean dev = flag(entry, target, "dev") || flag(entry, target, "devOptional");

        return new LockedPackage(
                name,
                version,
                key,
                dev ? NpmProperties.SCOPE_DEV : NpmProperties.SCOPE_PROD,
                direct,
                flag(entry, target, "optional") || flag(entry, target, "devOptional"),
                flag(entry, target, "peer"),
                flag(entry, target, "inBundle"),
                workspace,
                false,
                alias,
                link ? null : PackageJson.text(entry.get("resolved")),
                PackageJson.text(target.get("integrity")),
                PackageJson.licenses(target));
    }

    /** Follows {@code resolved} from link to link until a real entry; a dangling or circular link is skipped. */
    private JsonNode linkTarget(String key, JsonNode entry, JsonNode packages) {
        Set<String> visited = new HashSet<>();
        visited.add(key);
        JsonNode current = entry;
        while (current.path("link").asBoolean(false)) {
            String resolved = PackageJson.text(current.get("resolved"));
            // An empty target would name the root entry, which is the project and never a link target.
            if (resolved == null || resolved.isEmpty() || !packages.has(resolved)) {
                skipped.accept(new Skipped(location + ": " + key,
                        "link target '" + (resolved == null ? "" : resolved) + "' is not in the lockfile; the package is left out"));
                return null;
            }
            if (!visited.add(resolved)) {
                skipped.accept(new Skipped(location + ": " + key,
                        "links form a cycle through '" + resolved + "'; the package is left out"));
                return null;
            }
            current = packages.get(resolved);
        }
        return current;
    }

    private static boolean flag(JsonNode entry, JsonNode target, String field) {
        return entry.path(field).asBoolean(false) || target.path(field).asBoolean(false);
    }

    /** Flattens version 1 {@code dependencies}, which nest exactly as the node_modules folders do. */
    private void parseNestedDependencies(JsonNode dependencies, String parentPath, boolean parentDev,
            Set<String> directNames, List<LockedPackage> result) {
        if (dependencies == null || !dependencies.isObject()) {
            return;
        }
        for (var field : dependencies.properties()) {
            String installName = field.getKey();
            JsonNode entry = field.getValue();
            String path = parentPath + NODE_MODULES + installName;
            if (!isValidName(installName)) {
                skipped.accept(new Skipped(location + ": " + path, "'" + installName
                        + "' is not a valid npm package name; the entry is left out"));
                continue;
            }
            String version = PackageJson.text(entry.get("version"));
            if (version == null) {
                skipped.accept(new Skipped(location + ": " + path, "lockfile entry has no version; the package is left out"));
                continue;
            }
            String name = installName;
            String alias = null;
            // An alias records its target as "npm:<name>@<version>" (npm 6.9 and later).
            if (version.startsWith("npm:")) {
                String spec = version.substring("npm:".length());
                int at = spec.lastIndexOf('@');
                if (at > 0) {
                    name = spec.substring(0, at);
                    version = spec.substring(at + 1);
                    alias = installName;
                }
            }
            Boolean direct = directNames == null ? null : parentPath.isEmpty() && directNames.contains(installName);
            // A copy nested under a development package is only installed with it, even when unflagged.
            boolean dev = parentDev || entry.path("dev").asBoolean(false);
            result.add(new LockedPackage(
                    name,
                    version,
                    path,
                    dev ? NpmProperties.SCOPE_DEV : NpmProperties.SCOPE_PROD,
                    direct,
                    entry.path("optional").asBoolean(false),
                    false,
                    entry.path("bundled").asBoolean(false),
                    false,
                    false,
                    alias,
                    PackageJson.text(entry.get("resolved")),
                    PackageJson.text(entry.get("integrity")),
                    List.of()));
            LOG.trace("{}: {} {} at {}", location, name, version, path);
            parseNestedDependencies(entry.get("dependencies"), path + "/", dev, directNames, result);
        }
    }

    /** Tests the one rule that matters for paths: a slash appears only in {@code @scope/name}. */
    private static boolean isValidName(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return !name.isBlank();
        }
        return name.startsWith("@") && slash > 1 && slash < name.length() - 1 && name.indexOf('/', slash + 1) < 0;
    }
}
