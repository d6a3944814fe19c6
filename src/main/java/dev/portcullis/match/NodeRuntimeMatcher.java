package dev.portcullis.match;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.Skipped;
import dev.portcullis.version.Constraint;
import dev.portcullis.version.VersionScheme;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Matches a Node.js runtime ({@code pkg:generic/node}) against the Node.js security working
 * group's core index, stored as ecosystem {@code nodejs}, package {@code node}. A version is
 * affected when the entry's {@code vulnerable} range contains it and its {@code patched} range
 * does not; both are node-semver ranges.
 *
 * <p>Example: vulnerable {@code 20.x || 22.x}, patched {@code ^20.20.2 || ^22.22.2}: 20.18.0 is
 * affected with fix 20.20.2, and 20.20.2 is not.
 */
final class NodeRuntimeMatcher {

    static final String ECOSYSTEM = "nodejs";
    static final String PACKAGE = "node";

    private final VulnDatabase database;
    private final Consumer<Skipped> skipped;

    NodeRuntimeMatcher(VulnDatabase database, Consumer<Skipped> skipped) {
        this.database = database;
        this.skipped = skipped;
    }

    static boolean isNodeRuntime(Package pkg) {
        return pkg.type() == PackageType.GENERIC && PACKAGE.equals(pkg.name());
    }

    List<Candidate> candidates(Package pkg) {
        List<Candidate> result = new ArrayList<>();
        for (Advisory advisory : database.advisories(ECOSYSTEM, PACKAGE)) {
            if (advisory.isWithdrawn()) {
                continue;
            }
            for (Affected entry : advisory.affected()) {
                if (entry.vulnerableConstraint() == null) {
                    continue;
                }
                try {
                    result.add(new Candidate(advisory, entry, 0, false, evaluate(entry, pkg.version())));
                } catch (IllegalArgumentException e) {
                    skipped.accept(new Skipped(advisory.source() + " " + advisory.id(),
                            "cannot compare node " + pkg.version() + ": " + e.getMessage()));
                }
            }
        }
        return result;
    }

    /**
     * @throws dev.portcullis.version.InvalidConstraintException when a range cannot be read
     */
    static Verdict evaluate(Affected entry, String version) {
        VersionScheme scheme = VersionScheme.NPM;
        String comparator = " (" + Schemes.comparator(scheme) + ")";
        String label = "node " + version;
        if (!Constraint.parse(scheme, entry.vulnerableConstraint()).contains(version)) {
            return Verdict.closed(label + " outside vulnerable " + entry.vulnerableConstraint() + comparator);
        }
        String patched = entry.patchedConstraint();
        if (patched != null && !patched.isBlank() && Constraint.parse(scheme, patched).contains(version)) {
            return Verdict.closed(label + " in patched " + patched + comparator);
        }
        List<String> fixed = fixesFor(entry.fixedVersions(), version);
        String explanation = label + " in vulnerable " + entry.vulnerableConstraint() + ", not in patched "
                + (patched == null ? "(none)" : patched) + comparator;
        return fixed.isEmpty()
                ? Verdict.open(FixState.NOT_FIXED, "no fix", List.of(), explanation)
                : Verdict.open(FixState.FIXED, "fixed in " + fixed.getFirst(), fixed, explanation);
    }

    /** Returns the fixed versions of the installed release line above the version, else every higher one. */
    private static List<String> fixesFor(List<String> fixedVersions, String version) {
        VersionScheme scheme = VersionScheme.NPM;
        List<String> above = fixedVersions.stream()
                .filter(scheme::isValid)
                .filter(fixed -> scheme.compare(fixed, version) > 0)
                .sorted(scheme::compare)
                .toList();
        String major = version.split("\\.")[0] + ".";
        List<String> sameLine = above.stream().filter(fixed -> fixed.startsWith(major)).toList();
        return sameLine.isEmpty() ? above : sameLine;
    }
}
