package dev.portcullis.catalog.php;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns Composer package objects ({@code name}, {@code version}, {@code license}) into packages. */
final class ComposerPackages {

    private ComposerPackages() {}

    /**
     * Converts each object with a {@code vendor/name} and a version; the others are returned by name in
     * {@code invalid}.
     */
    static List<Package> convert(JsonNode array, boolean development, String foundBy, String location, Layer layer,
            List<String> invalid) {
        List<Package> packages = new ArrayList<>();
        for (JsonNode node : array) {
            String name = node.path("name").asText("");
            String version = node.path("version").asText("");
            if (!name.contains("/") || version.isEmpty()) {
                invalid.add(name.isEmpty() ? node.toString() : name);
                continue;
            }
            List<String> licenses = new ArrayList<>();
            node.path("license").forEach(license -> licenses.add(license.asText()));
            packages.add(new Package(PackageType.COMPOSER, name, version, null, null, purl(name, version), foundBy,
                    List.of(location), List.of(), layer, List.copyOf(licenses),
                    Map.of("development", Boolean.toString(development))));
        }
        return packages;
    }

    private static String purl(String name, String version) {
        int slash = name.indexOf('/');
        try {
            return new PackageURL(PackageType.COMPOSER.purlType(), name.substring(0, slash), name.substring(slash + 1),
                    version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
