package dev.portcullis.catalog.npm;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One package entry of a lockfile, whatever its format.
 *
 * @param name the real package name (for an {@code npm:} alias, the aliased package)
 * @param version the resolved version, or null for a workspace member that declares none
 * @param lockKey the entry's key in the lockfile, for example {@code node_modules/a/node_modules/b}
 *     for package-lock.json or {@code /a@1.0.0} for pnpm
 * @param scope {@link NpmProperties#SCOPE_PROD}, {@link NpmProperties#SCOPE_DEV}, or null when the
 *     lockfile and its package.json cannot tell
 * @param direct whether the project names it directly, or null when unknown
 * @param alias the name the project installs it under when that differs from {@code name}, or null
 */
record LockedPackage(
        String name,
        String version,
        String lockKey,
        String scope,
        Boolean direct,
        boolean optional,
        boolean peer,
        boolean bundled,
        boolean workspace,
        boolean tooling,
        String alias,
        String resolved,
        String integrity,
        List<String> licenses) {

    Package toPackage(String foundBy, String location, Layer layer) {
        Map<String, String> properties = new LinkedHashMap<>();
        putIfPresent(properties, NpmProperties.SCOPE, scope);
        putIfPresent(properties, NpmProperties.DIRECT, direct == null ? null : direct.toString());
        putIfTrue(properties, NpmProperties.OPTIONAL, optional);
        putIfTrue(properties, NpmProperties.PEER, peer);
        putIfTrue(properties, NpmProperties.BUNDLED, bundled);
        putIfTrue(properties, NpmProperties.WORKSPACE, workspace);
        putIfTrue(properties, NpmProperties.TOOLING, tooling);
        putIfPresent(properties, NpmProperties.ALIAS, alias);
        putIfPresent(properties, NpmProperties.RESOLVED, resolved);
        putIfPresent(properties, NpmProperties.INTEGRITY, integrity);
        putIfPresent(properties, NpmProperties.LOCK_PATH, lockKey);
        return new Package(PackageType.NPM, name, version, null, null, NpmPurl.of(name, version), foundBy,
                List.of(location), List.of(), layer, licenses, Map.copyOf(properties));
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    private static void putIfTrue(Map<String, String> properties, String key, boolean value) {
        if (value) {
            properties.put(key, "true");
        }
    }
}
