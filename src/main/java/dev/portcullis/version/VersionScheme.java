package dev.portcullis.version;

import java.util.Locale;
import java.util.Optional;

/**
 * A version numbering scheme, with the ordering rules of the tool that owns it.
 *
 * <p>Example: {@code VersionScheme.DEB.compare("1:1.0-1", "2.0-1")} is positive, because a Debian
 * epoch outranks the upstream version. Comparators compare exactly the strings they are given: a
 * caller that holds a Debian source version without the binary's epoch must pass the full binary
 * version, or {@code 1:2.3-1} and {@code 2.3-1} will compare as different versions.
 */
public enum VersionScheme {
    /** Debian dpkg versions, {@code [epoch:]upstream[-revision]}. */
    DEB("deb", new DebianVersionComparator()),
    /** Alpine apk-tools versions, {@code 1.2.3_rc1-r0}. */
    APK("alpine", new ApkVersionComparator()),
    /** RPM versions compared as rpmvercmp does, {@code [epoch:]version[-release]}. */
    RPM("rpm", new RpmVersionComparator()),
    /** npm versions, strict Semantic Versioning 2.0.0 as node-semver reads it. */
    NPM("npm", new SemverComparator(false)),
    /** Maven versions, ordered as Maven's ComparableVersion orders them. */
    MAVEN("maven", new MavenVersionComparator()),
    /** Python package versions as PEP 440 defines them. */
    PYPI("pypi", new Pep440VersionComparator()),
    /** Go module versions ({@code v1.2.3}, pseudo-versions, {@code +incompatible}) and Go releases. */
    GOLANG("golang", new GoVersionComparator()),
    /** RubyGems versions as Gem::Version orders them. */
    GEM("gem", new GemVersionComparator()),
    /** Dotted numbers with an optional pre-release label, for data that names no scheme. */
    GENERIC("generic", new GenericVersionComparator());

    private final String versName;
    private final VersionComparator comparator;

    VersionScheme(String versName, VersionComparator comparator) {
        this.versName = versName;
        this.comparator = comparator;
    }

    /**
     * Compares two versions under this scheme.
     *
     * @return a negative number, zero or a positive number as {@code a} is lower than, equal to or
     *     higher than {@code b}
     * @throws InvalidVersionException if either version cannot be read under this scheme
     */
    public int compare(String a, String b) {
        return comparator.compare(a, b);
    }

    /** Returns whether {@code version} can be read under this scheme. */
    public boolean isValid(String version) {
        try {
            comparator.validate(version);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    /**
     * Checks that {@code version} can be read under this scheme.
     *
     * @throws InvalidVersionException naming the value and the reason when it cannot
     */
    public void validate(String version) {
        comparator.validate(version);
    }

    /** The scheme name used in {@code vers:} ranges, for example {@code deb} or {@code pypi}. */
    public String versName() {
        return versName;
    }

    /**
     * Finds the scheme for a {@code vers:} scheme name or a common alias ({@code debian},
     * {@code apk}, {@code go}, {@code rubygems}, {@code pep440}, {@code semver}).
     */
    public static Optional<VersionScheme> fromName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (VersionScheme scheme : values()) {
            if (scheme.versName.equals(key) || scheme.name().toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(scheme);
            }
        }
        return switch (key) {
            case "debian", "dpkg", "ubuntu" -> Optional.of(DEB);
            case "apk", "wolfi", "chainguard" -> Optional.of(APK);
            case "go" -> Optional.of(GOLANG);
            case "rubygems" -> Optional.of(GEM);
            case "pep440", "python" -> Optional.of(PYPI);
            case "semver" -> Optional.of(NPM);
            default -> Optional.empty();
        };
    }
}
