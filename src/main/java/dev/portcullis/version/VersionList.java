package dev.portcullis.version;

import java.util.List;

/**
 * An explicit list of versions, such as OSV's {@code versions} field. Membership uses the scheme's
 * equality, so under {@link VersionScheme#PYPI} {@code 1.0} is in a list naming {@code 1.0.0}.
 */
public record VersionList(VersionScheme scheme, List<String> versions) implements Constraint {

    /**
     * @throws InvalidVersionException naming the first listed version that cannot be read
     */
    public VersionList {
        versions = List.copyOf(versions);
        versions.forEach(scheme::validate);
    }

    @Override
    public boolean contains(String version) {
        scheme.validate(version);
        return versions.stream().anyMatch(listed -> scheme.compare(version, listed) == 0);
    }
}
