package dev.portcullis.triage.collect;

import dev.portcullis.match.Finding;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.TrackerState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the installed version with the fixed version in the distro's own data. When the installed
 * version is at or past it although another source (a generic advisory such as an NVD or GHSA range
 * for the upstream project) calls the package affected, the verdict is ALREADY_PATCHED, naming both
 * versions, the comparator, and what the other source claimed.
 *
 * <p>Example: Debian fixes CVE-2024-2961 in glibc {@code 2.36-9+deb12u6}; libc6
 * {@code 2.36-9+deb12u14} is at or past it by the dpkg comparator, whatever an upstream range for
 * glibc {@code < 2.40} says.
 */
public final class VersionCollector implements EvidenceCollector {

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        List<Observation> observations = new ArrayList<>();
        for (DistroEntries.Entry entry : DistroEntries.of(finding, context.distro(), context.advisories())) {
            DistroStatus status = entry.affected().status();
            if (entry.releaseOwn() && status != null && status.state() == TrackerState.FIXED
                    && status.fixedVersion() != null) {
                compare(finding, entry, status.fixedVersion()).ifPresent(observations::add);
            }
        }
        return observations;
    }

    private static java.util.Optional<Observation> compare(Finding finding, DistroEntries.Entry entry, String fixed) {
        String installed = PackageVersions.distroVersion(finding.pkg(), fixed);
        java.util.OptionalInt order = PackageVersions.compare(finding.pkg().type(), installed, fixed);
        if (order.isEmpty()) {
            return java.util.Optional.empty();
        }
        String comparator = PackageVersions.comparator(finding.pkg().type());
        String where = entry.affected().ecosystem() + "/" + entry.affected().packageName();
        String source = entry.advisory().source() + " " + entry.advisory().id();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("installed", installed);
        details.put("fixed", fixed);
        details.put("comparator", comparator);
        if (order.getAsInt() < 0) {
            Evidence below = Evidence.of(EvidenceKind.VERSION_COMPARISON, source,
                    installed + " < fixed " + fixed + " in " + where + " (" + comparator + ")", details);
            return java.util.Optional.of(Observation.fact(below));
        }
        String claim = otherClaim(finding, entry);
        details.put("otherSource", claim);
        Evidence atOrPast = Evidence.of(EvidenceKind.VERSION_COMPARISON, source,
                installed + " >= fixed " + fixed + " in " + where + " (" + comparator + "), although " + claim,
                details);
        return java.util.Optional.of(Observation.verdict(new Verdict.AlreadyPatched("installed " + installed
                + " is at or past the distro's fixed version " + fixed + " (" + comparator + ")"), atOrPast));
    }

    /** Returns the claims of the records that matched the finding, for the evidence. */
    private static String otherClaim(Finding finding, DistroEntries.Entry entry) {
        List<String> claims = finding.basis().stream()
                .filter(basis -> !basis.advisoryId().equals(entry.advisory().id())
                        || !basis.source().equals(entry.advisory().source()))
                .map(MatchBasis::toString)
                .toList();
        return claims.isEmpty() ? "the finding's source calls it affected"
                : "the finding's source calls it affected: " + String.join("; ", claims);
    }
}
