package dev.portcullis.triage.collect;

import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Compares the installed version with the fixed versions the finding itself names. Another scanner's
 * report can list a version at or past its fix (stale data, or a package upgraded after that scan),
 * and such a finding is already patched, not affected.
 *
 * <p>Example: a Trivy report lists lodash {@code 4.17.20} for CVE-2020-8203, fixed in
 * {@code 4.17.19}; by the semver comparator 4.17.20 is past the fix, so the verdict is
 * ALREADY_PATCHED. An advisory with several fixed versions (one per release line) needs the installed
 * version at or past all of them, since the lines it is not on are not known here.
 */
public final class FixedVersionCollector implements EvidenceCollector {

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        if (finding.fixState() != FixState.FIXED || finding.fixedVersions().isEmpty()) {
            return List.of();
        }
        String installed = finding.installedVersion();
        for (String fixed : finding.fixedVersions()) {
            String comparable = PackageVersions.distroVersion(finding.pkg(), fixed);
            OptionalInt order = PackageVersions.compare(finding.pkg().type(), comparable, fixed);
            if (order.isEmpty() || order.getAsInt() < 0) {
                return List.of();
            }
            installed = comparable;
        }
        String fixed = String.join(", ", finding.fixedVersions());
        String comparator = PackageVersions.comparator(finding.pkg().type());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("installed", installed);
        details.put("fixed", fixed);
        details.put("comparator", comparator);
        Evidence evidence = Evidence.of(EvidenceKind.VERSION_COMPARISON, "finding " + finding.id(),
                installed + " >= fixed " + fixed + " (" + comparator + "), although the finding lists it",
                details);
        return List.of(Observation.verdict(new Verdict.AlreadyPatched("installed " + installed
                + " is at or past the fixed version " + fixed + " (" + comparator + ")"), evidence));
    }
}
