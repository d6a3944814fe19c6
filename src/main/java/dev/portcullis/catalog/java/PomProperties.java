package dev.portcullis.catalog.java;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code pom.properties} file that Maven's archiver writes into a jar under
 * {@code META-INF/maven/<groupId>/<artifactId>/}. Shaded jars carry one per embedded artifact.
 *
 * <pre>
 * groupId=org.apache.logging.log4j
 * artifactId=log4j-core
 * version=2.14.1
 * </pre>
 *
 * @param entry path of the file inside its archive
 * @see <a href="https://maven.apache.org/shared/maven-archiver/">Maven Archiver</a>
 */
record PomProperties(String groupId, String artifactId, String version, String entry) {

    /**
     * Parses the file as a Java properties file, so both {@code =} and {@code :} separate keys from
     * values. Returns empty when groupId, artifactId or version is missing or blank.
     */
    static Optional<PomProperties> parse(InputStream in, String entry) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        String groupId = trimmed(properties.getProperty("groupId"));
        String artifactId = trimmed(properties.getProperty("artifactId"));
        String version = trimmed(properties.getProperty("version"));
        if (groupId == null || artifactId == null || version == null) {
            return Optional.empty();
        }
        return Optional.of(new PomProperties(groupId, artifactId, version, entry));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
