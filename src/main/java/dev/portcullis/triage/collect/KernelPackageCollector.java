package dev.portcullis.triage.collect;

import dev.portcullis.match.Finding;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Judges kernel packages in a container: a container runs on its host's kernel, and packages such as
 * {@code linux-libc-dev}, {@code linux-headers-*} and {@code kernel-headers} hold only headers, so a
 * kernel vulnerability matched to them is NOT_AFFECTED (vulnerable_code_not_present).
 */
public final class KernelPackageCollector implements EvidenceCollector {

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        String name = finding.pkg().name();
        if (!isKernelPackage(name)) {
            return List.of();
        }
        Evidence evidence = Evidence.of(EvidenceKind.FILE, String.join(", ", finding.pkg().locations()),
                "package " + name + " " + finding.pkg().version() + " holds kernel headers, not a kernel;"
                        + " a container runs on its host's kernel",
                Map.of("package", name, "version", finding.pkg().version()));
        return List.of(Observation.verdict(new Verdict.NotAffected(Justification.VULNERABLE_CODE_NOT_PRESENT,
                name + " holds kernel headers only; the container uses the host's kernel"), evidence));
    }

    static boolean isKernelPackage(String name) {
        return name.equals("linux-libc-dev") || name.startsWith("linux-headers-") || name.equals("kernel-headers")
                || name.equals("linux-headers") || name.equals("linux-api-headers");
    }
}
