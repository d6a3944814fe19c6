package dev.portcullis.catalog.java;

/**
 * An artifact identified in an archive.
 *
 * @param groupId the group, or null when no source names one
 * @param source where the coordinates came from: {@code pom.properties}, {@code manifest} or
 *     {@code filename}
 * @param pathChain the archive holding the artifact, nesting steps after {@code !}
 */
record MavenCoordinates(String groupId, String artifactId, String version, String source, String pathChain) {

    static final String POM_PROPERTIES = "pom.properties";
    static final String MANIFEST = "manifest";
    static final String FILENAME = "filename";
}
