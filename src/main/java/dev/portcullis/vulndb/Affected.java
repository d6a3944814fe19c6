package dev.portcullis.vulndb;

import java.util.List;

/**
 * The versions of one package that an advisory covers in one ecosystem or distro release.
 *
 * <p>Language ecosystems use their package URL type ({@code npm}, {@code maven}, {@code pypi},
 * {@code golang}, {@code cargo}, {@code gem}, {@code nuget}, {@code composer}); distro releases use
 * {@code <distro>:<release>} ({@code debian:12}, {@code debian:unstable}, {@code alpine:3.20}); the
 * Node.js runtime uses {@code nodejs} with the package name {@code node}. Debian data in the
 * tracker's text form states a default for every release without its own line; that default is
 * stored under the plain key {@code debian}.
 *
 * @param ecosystem the ecosystem or distro release key, as above
 * @param packageName the package name; for distros the source package
 * @param ranges version ranges as events, in the source's order
 * @param versions versions the source lists one by one
 * @param vulnerableConstraint a constraint of vulnerable versions as the source wrote it, or null.
 *     Only the Node.js core feed has these, in node-semver range syntax (for example
 *     {@code "20.x || 22.x"}).
 * @param patchedConstraint a constraint of patched versions as the source wrote it, or null
 * @param fixedVersions versions the source names as fixing the issue
 * @param status the distro's status words, or null for sources that have none
 * @param ecosystemSpecific the source's {@code ecosystem_specific} object as raw JSON, or null
 * @param databaseSpecific the source's per-entry {@code database_specific} object as raw JSON, or null
 */
public record Affected(
        String ecosystem,
        String packageName,
        List<VersionRange> ranges,
        List<String> versions,
        String vulnerableConstraint,
        String patchedConstraint,
        List<String> fixedVersions,
        DistroStatus status,
        String ecosystemSpecific,
        String databaseSpecific) {

    public Affected {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        fixedVersions = List.copyOf(fixedVersions);
    }
}
