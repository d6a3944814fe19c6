package dev.portcullis.catalog;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds package URLs for distro packages with packageurl-java, in canonical form.
 *
 * <p>Example: {@code distroPackage(DEB, debian12, "libc6", "2.36-9+deb12u7", Map.of("arch", "amd64"))} gives
 * {@code pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12}.
 *
 * @see <a href="https://github.com/package-url/purl-spec">purl specification and types</a>
 */
public final class PackageUrls {

    private PackageUrls() {}

    /**
     * Returns the purl of a distro package. The namespace is the distro id, except that Red Hat's
     * {@code rhel} becomes {@code redhat} as Red Hat's CSAF files write it. The {@code distro} qualifier is
     * {@code <id>-<version id>}. With an unknown distro both are left out rather than guessed, although the
     * deb and rpm types ask for a namespace. Null qualifier values are left out.
     */
    public static String distroPackage(
            PackageType type, Distro distro, String name, String version, Map<String, String> qualifiers) {
        Map<String, String> all = new TreeMap<>();
        qualifiers.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                all.put(key, value);
            }
        });
        String distroQualifier = distroQualifier(distro);
        if (distroQualifier != null) {
            all.put("distro", distroQualifier);
        }
        PackageURLBuilder builder = PackageURLBuilder.aPackageURL()
                .withType(type.purlType())
                .withNamespace(namespace(distro))
                .withName(name)
                .withVersion(version);
        all.forEach(builder::withQualifier);
        try {
            return builder.build().canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("Failed to build a package URL for " + name + " " + version + ": "
                    + e.getMessage(), e);
        }
    }

    static String namespace(Distro distro) {
        if (distro == null || !distro.isKnown()) {
            return null;
        }
        return distro.id().equals("rhel") ? "redhat" : distro.id();
    }

    static String distroQualifier(Distro distro) {
        if (distro == null || !distro.isKnown()) {
            return null;
        }
        return distro.versionId() == null ? distro.id() : distro.id() + "-" + distro.versionId();
    }
}
