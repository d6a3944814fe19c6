package dev.portcullis.version;

/**
 * Maven version ordering through versatile, which delegates to Maven's own ComparableVersion
 * (maven-artifact 3.9).
 *
 * <p>Example: {@code 1.0-alpha1 < 1.0-beta1 < 1.0-milestone1 < 1.0-rc1 = 1.0-cr1 < 1.0-SNAPSHOT
 * < 1.0 = 1.0-ga = 1.0-final < 1.0-sp1 < 1.0.1}.
 *
 * @see <a href="https://maven.apache.org/pom.html#version-order-specification">Maven version
 *     order specification</a>
 */
final class MavenVersionComparator implements VersionComparator {

    private static final String SCHEME = "maven";

    @Override
    public int compare(String a, String b) {
        return VersatileVersions.parse(SCHEME, a).compareTo(VersatileVersions.parse(SCHEME, b));
    }

    @Override
    public void validate(String version) {
        VersatileVersions.parse(SCHEME, version);
    }
}
