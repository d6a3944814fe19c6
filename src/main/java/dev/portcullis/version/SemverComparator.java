package dev.portcullis.version;

/**
 * npm version ordering, written to node-semver rather than taken from versatile, because
 * versatile's semver4j does not order pre-release labels in ASCII order as node-semver does
 * ({@code 1.2.3-5-Foo} should be lower than {@code 1.2.3-5-foo}) and rejects node-semver's loose
 * forms ({@code =1.2.3}).
 */
final class SemverComparator implements VersionComparator {

    private final boolean loose;

    SemverComparator(boolean loose) {
        this.loose = loose;
    }

    @Override
    public int compare(String a, String b) {
        return Semver.parse(a, loose).compareTo(Semver.parse(b, loose));
    }

    @Override
    public void validate(String version) {
        Semver.parse(version, loose);
    }
}
