package dev.portcullis.triage.collect;

import dev.portcullis.match.Finding;
import dev.portcullis.match.Rating;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weighs a finding's CVSS vector against how the container runs, and proposes LOW_RISK when the
 * vector needs network access ({@code AV:N}) while the compose service or docker run command publishes
 * no port, so only containers on its own networks reach it. The image config alone never lowers a
 * risk: {@code EXPOSE} documents ports, but {@code -p} publishes any port. The CVSS privileges metric
 * ({@code PR}) is not weighed, because it counts privileges in the vulnerable application, not the
 * container's user or capabilities. The triage engine drops this proposal for findings in CISA KEV.
 * Without any config (see {@link TriageContext#configKnown()}) the evidence records the conditions as unknown.
 */
public final class DeploymentCollector implements EvidenceCollector {

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        Optional<CvssVector> vector = vector(finding);
        if (vector.isEmpty() || context.image() == null) {
            return List.of();
        }
        if (!context.configKnown()) {
            return List.of(Observation.fact(unknownDeployment(vector.get())));
        }
        DeploymentFacts facts = context.deploymentFacts();
        List<String> conditions = new ArrayList<>();
        if (facts.runSettings() && "N".equals(vector.get().attackVector()) && facts.ports().isEmpty()) {
            conditions.add("the exploit needs network access (AV:N) and the " + facts.source()
                    + " publishes no port");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("vector", vector.get().text());
        details.put("ports", facts.ports().toString());
        details.put("user", facts.user() == null ? "root (default)" : facts.user());
        putIfKnown(details, "readOnlyRootfs", facts.readOnlyRootfs());
        putIfKnown(details, "noNewPrivileges", facts.noNewPrivileges());
        putIfKnown(details, "allCapabilitiesDropped", facts.allCapabilitiesDropped());
        if (!facts.runSettings()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.CVSS, facts.source(), "how the container runs is"
                    + " unknown (no compose file or docker run command given), so " + vector.get().text()
                    + " is not weighed", details)));
        }
        if (conditions.isEmpty()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.CVSS, facts.source(), "the deployment allows what "
                    + vector.get().text() + " needs, as far as the " + facts.source() + " tells", details)));
        }
        Evidence evidence = Evidence.of(EvidenceKind.CVSS, facts.source(), String.join("; ", conditions), details);
        return List.of(Observation.verdict(new Verdict.LowRisk(false, String.join("; ", conditions)), evidence));
    }

    /** Records that no config shows whether the exploit's conditions hold, so no LOW_RISK is proposed. */
    private static Evidence unknownDeployment(CvssVector vector) {
        List<String> unknown = new ArrayList<>();
        if ("N".equals(vector.attackVector())) {
            unknown.add("whether a port is published (AV:N)");
        }
        String conditions = unknown.isEmpty() ? "the deployment's conditions" : String.join(" and ", unknown);
        return Evidence.of(EvidenceKind.ABSENT, "deployment", "unknown: " + conditions + ", because no image config,"
                + " Dockerfile or run settings were given", Map.of("vector", vector.text(), "config", "unknown"));
    }

    private static void putIfKnown(Map<String, String> details, String key, Boolean value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }

    /** Returns the first CVSS vector among the ratings, preferring the displayed rating's. */
    private static Optional<CvssVector> vector(Finding finding) {
        List<Rating> ratings = new ArrayList<>();
        if (finding.displayed() != null) {
            ratings.add(finding.displayed());
        }
        ratings.addAll(finding.ratings());
        return ratings.stream().map(rating -> CvssVector.parse(rating.vector())).flatMap(Optional::stream).findFirst();
    }
}
