package dev.portcullis.catalog.npm;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/**
 * Builds npm package URLs. A scoped name becomes the namespace, so {@code @nestjs/core} 11.1.6 reads
 * {@code pkg:npm/%40nestjs/core@11.1.6}.
 *
 * @see <a href="https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst#npm">purl npm type</a>
 */
final class NpmPurl {

    private NpmPurl() {}

    /** Returns the package URL, without a version when the version is null or blank. */
    static String of(String name, String version) {
        int slash = name.indexOf('/');
        boolean scoped = name.startsWith("@") && slash > 1;
        String namespace = scoped ? name.substring(0, slash) : null;
        String simpleName = scoped ? name.substring(slash + 1) : name;
        String purlVersion = version == null || version.isBlank() ? null : version;
        try {
            return new PackageURL("npm", namespace, simpleName, purlVersion, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("invalid npm package name '" + name + "': " + e.getMessage(), e);
        }
    }
}
