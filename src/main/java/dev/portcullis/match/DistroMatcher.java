package dev.portcullis.match;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import dev.portcullis.version.VersionScheme;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the distro records of a Debian or Alpine package: by release key ({@code debian:12},
 * {@code alpine:3.20}) and source package name, the binary name when the package names no source or
 * no record names its source.
 *
 * <p>Releases without an entry of their own: the Debian tracker's text data writes one line without a
 * release for unstable and applies it to every release that has no line of its own (the database
 * stores that line under {@code debian}); the JSON export names {@code sid}. Such a default entry
 * is a tier-1 candidate, used only when no record of the same vulnerability has an entry for the
 * package's release. A default {@code fixed V} leaves the release open when its installed version
 * is below V, with no fix for the release: V is unstable's version, and the tracker shows the
 * release as vulnerable until it gets a line of its own. At or above V it is closed.
 *
 * <p>The installed version compared is the source version, because the tracker's versions are
 * source versions. dpkg drops an epoch from the source version when it records only the binary's;
 * when a fixed version names an epoch and the source version names none, the binary's epoch is put
 * on the source version, so {@code 2.3-1} of binary {@code 1:2.3-1} is compared as
 * {@code 1:2.3-1} with a fix {@code 1:2.3-2}, and is reported.
 */
final class DistroMatcher {

    private final VulnDatabase database;
    private final Consumer<Skipped> skipped;

    DistroMatcher(VulnDatabase database, Consumer<Skipped> skipped) {
        this.database = database;
        this.skipped = skipped;
    }

    /** Returns a candidate per record entry for the package, or none when the distro has no data here. */
    List<Candidate> candidates(Package pkg, Distro distro) {
        Optional<String> release = releaseKey(distro);
        if (release.isEmpty()) {
            return List.of();
        }
        List<Candidate> result = lookUp(pkg, distro, release.get(), pkg.sourceNameOrName());
        if (result.isEmpty() && !pkg.sourceNameOrName().equals(pkg.name())) {
            result = lookUp(pkg, distro, release.get(), pkg.name());
        }
        return result;
    }

    private List<Candidate> lookUp(Package pkg, Distro distro, String release, String name) {
        List<Candidate> result = new ArrayList<>();
        addAll(result, pkg, database.advisories(release, name), 0, release);
        if ("debian".equals(distro.id())) {
            addAll(result, pkg, database.advisories("debian", name), 1, release);
            addAll(result, pkg, database.advisories("debian:unstable", name), 1, release);
        }
        return result;
    }

    private void addAll(List<Candidate> result, Package pkg, List<Advisory> advisories, int tier, String release) {
        for (Advisory advisory : advisories) {
            if (advisory.isWithdrawn()) {
                continue;
            }
            for (Affected entry : advisory.affected()) {
                try {
                    evaluate(pkg, entry, tier, release).ifPresent(verdict ->
                            result.add(new Candidate(advisory, entry, tier, true, verdict)));
                } catch (IllegalArgumentException e) {
                    skipped.accept(new Skipped(advisory.source() + " " + advisory.id() + " " + entry.ecosystem() + "/"
                            + entry.packageName(), "cannot compare " + pkg.version() + ": " + e.getMessage()));
                }
            }
        }
    }

    /** Returns the key of the package's release, or empty for a distro the database has no data for. */
    static Optional<String> releaseKey(Distro distro) {
        if (distro == null || distro.id() == null || distro.versionId() == null) {
            // TODO: Debian testing and sid name no VERSION_ID; map their codename when their data is matched.
            return Optional.empty();
        }
        return switch (distro.id()) {
            case "debian" -> Optional.of("debian:" + distro.versionId().split("\\.")[0]);
            case "alpine" -> {
                String[] parts = distro.versionId().split("\\.");
                yield Optional.of("alpine:" + (parts.length > 1 ? parts[0] + "." + parts[1] : parts[0]));
            }
            default -> Optional.empty();
        };
    }

    private Optional<Verdict> evaluate(Package pkg, Affected entry, int tier, String release) {
        VersionScheme scheme = Schemes.of(pkg.type());
        DistroStatus status = entry.status();
        if (status == null) {
            String fixed = entry.fixedVersions().isEmpty() ? null : entry.fixedVersions().getFirst();
            String version = comparedVersion(pkg, fixed);
            return RangeEvaluator.evaluate(entry, version, scheme, label(pkg, version));
        }
        String words = status.isUnimportant() ? ", unimportant" : "";
        String statusDescription = (tier > 0 ? "no " + release + " entry; " : "") + entry.ecosystem() + " "
                + RangeText.statusText(status) + " for " + label(pkg, comparedVersion(pkg, null));
        return Optional.of(switch (status.state()) {
            case FIXED -> fixed(pkg, status.fixedVersion(), tier, release, scheme, words);
            case NOT_AFFECTED, REMOVED -> Verdict.closed(statusDescription);
            case IGNORED -> Verdict.open(FixState.WONT_FIX, "will not fix" + words, List.of(), statusDescription);
            case END_OF_LIFE -> Verdict.open(FixState.END_OF_LIFE, "end-of-life" + words, List.of(), statusDescription);
            case NO_DSA, POSTPONED, UNFIXED, UNDETERMINED, UNKNOWN -> Verdict.open(FixState.NOT_FIXED,
                    "no fix (" + status.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")" + words,
                    List.of(), statusDescription);
        });
    }

    private static Verdict fixed(Package pkg, String fixed, int tier, String release, VersionScheme scheme, String words) {
        if (fixed == null) {
            return Verdict.closed("fixed, with no version named");
        }
        String version = comparedVersion(pkg, fixed);
        String comparator = " (" + Schemes.comparator(scheme) + ")";
        if (scheme.compare(version, fixed) >= 0) {
            return Verdict.closed(label(pkg, version) + " >= fixed " + fixed + comparator);
        }
        if (tier > 0) {
            return Verdict.open(FixState.NOT_FIXED, "no fix in " + release + " (unstable fixed in " + fixed + ")" + words,
                    List.of(), "no " + release + " entry; " + label(pkg, version) + " < unstable's fixed " + fixed
                            + comparator);
        }
        return Verdict.open(FixState.FIXED, "fixed in " + fixed + words, List.of(fixed),
                label(pkg, version) + " < fixed " + fixed + comparator);
    }

    /** Returns the version to compare with a fixed version, as the class comment describes. */
    static String comparedVersion(Package pkg, String fixed) {
        if (pkg.source() == null || pkg.source().version() == null) {
            return pkg.version();
        }
        String source = pkg.source().version();
        int binaryColon = pkg.version().indexOf(':');
        if (!hasEpoch(source) && fixed != null && hasEpoch(fixed) && binaryColon > 0) {
            return pkg.version().substring(0, binaryColon + 1) + source;
        }
        return source;
    }

    private static boolean hasEpoch(String version) {
        int colon = version.indexOf(':');
        return colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit);
    }

    private static String label(Package pkg, String version) {
        boolean bySource = pkg.source() != null && pkg.source().name() != null;
        return pkg.type().purlType() + (bySource ? " source " + pkg.source().name() : " " + pkg.name()) + " " + version;
    }
}
