package dev.portcullis.catalog.java;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The main attributes of a {@code META-INF/MANIFEST.MF} that can name an artifact.
 *
 * <pre>
 * Implementation-Title: spring-beans
 * Implementation-Version: 5.3.17
 * Automatic-Module-Name: spring.beans
 * </pre>
 *
 * @param bundleSymbolicName OSGi name without its directives ({@code ;singleton:=true})
 * @see <a href="https://docs.oracle.com/en/java/javase/25/docs/specs/jar/jar.html">JAR File Specification</a>
 */
record JarManifest(
        String implementationTitle,
        String implementationVersion,
        String implementationVendor,
        String implementationVendorId,
        String specificationTitle,
        String specificationVersion,
        String bundleSymbolicName,
        String bundleVersion,
        String automaticModuleName) {

    static final JarManifest EMPTY = new JarManifest(null, null, null, null, null, null, null, null, null);

    /** Parses a manifest; {@link java.util.jar.Manifest} joins continuation lines. */
    static JarManifest parse(InputStream in) throws IOException {
        Attributes main = new Manifest(in).getMainAttributes();
        String symbolicName = value(main, "Bundle-SymbolicName");
        if (symbolicName != null && symbolicName.contains(";")) {
            symbolicName = symbolicName.substring(0, symbolicName.indexOf(';')).strip();
        }
        return new JarManifest(
                value(main, "Implementation-Title"),
                value(main, "Implementation-Version"),
                value(main, "Implementation-Vendor"),
                value(main, "Implementation-Vendor-Id"),
                value(main, "Specification-Title"),
                value(main, "Specification-Version"),
                symbolicName,
                value(main, "Bundle-Version"),
                value(main, "Automatic-Module-Name"));
    }

    private static String value(Attributes attributes, String name) {
        String value = attributes.getValue(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
