package dev.portcullis.catalog.java;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Parses the main section of a manifest; see {@link #mainAttributes} for the leniency. */
    static JarManifest parse(InputStream in) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> main = mainAttributes(reader);
        String symbolicName = value(main, "Bundle-SymbolicName");
        if (symbolicName != null && symbolicName.contains(";")) {
            symbolicName = symbolicName.substring(0, symbolicName.indexOf(';')).strip();
        }
        return new JarManifest(
                value(main, "Implementation-Title"),
                firstWord(value(main, "Implementation-Version")),
                value(main, "Implementation-Vendor"),
                value(main, "Implementation-Vendor-Id"),
                value(main, "Specification-Title"),
                firstWord(value(main, "Specification-Version")),
                symbolicName,
                firstWord(value(main, "Bundle-Version")),
                value(main, "Automatic-Module-Name"));
    }

    /**
     * Reads the main section: {@code Name: value} lines up to the first empty line, a line starting with
     * one space continuing the previous value. Real jars break the specification, so a line without a
     * colon is ignored instead of failing the whole manifest, and names are matched case-insensitively.
     */
    static Map<String, String> mainAttributes(BufferedReader reader) throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        String previous = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (attributes.isEmpty()) {
                    continue;
                }
                break;
            }
            if (line.startsWith(" ")) {
                if (previous != null) {
                    attributes.put(previous, attributes.get(previous) + line.substring(1));
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                previous = null;
                continue;
            }
            previous = line.substring(0, colon).strip();
            attributes.put(previous, line.substring(colon + 1).stripLeading());
        }
        return attributes;
    }

    private static String value(Map<String, String> attributes, String name) {
        return attributes.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().strip())
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElse(null);
    }

    /** Keeps the first word, because a version is one token: {@code 1.3 2244 October 5 2005} gives {@code 1.3}. */
    private static String firstWord(String value) {
        return value == null ? null : value.split("\\s+", 2)[0];
    }
}
