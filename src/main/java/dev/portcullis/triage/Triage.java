package dev.portcullis.triage;

import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.triage.collect.BackportCollector;
import dev.portcullis.triage.collect.DeletedFilesCollector;
import dev.portcullis.triage.collect.DeploymentCollector;
import dev.portcullis.triage.collect.DevDependencyCollector;
import dev.portcullis.triage.collect.DistroStatusCollector;
import dev.portcullis.triage.collect.ExploitationCollector;
import dev.portcullis.triage.collect.FixedVersionCollector;
import dev.portcullis.triage.collect.KernelPackageCollector;
import dev.portcullis.triage.collect.ToolingCollector;
import dev.portcullis.triage.collect.VersionCollector;
import dev.portcullis.triage.vex.StatementCollector;
import dev.portcullis.triage.vex.VexStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every finding exactly one verdict, a risk level and all the evidence gathered.
 *
 * <pre>{@code
 * TriageResult result = Triage.standard(RiskModel.defaults(), statements, LocalDate.now())
 *         .triage(findings, new TriageContext(image.metadata(), inventory.distro(), image.files(),
 *                 database::byId, null));
 * result.findings().getFirst().verdict(); // UpstreamPending[pending=MINOR_PER_SECURITY_TEAM, ...]
 * }</pre>
 *
 * <p>Each collector observes the finding; the proposal first in the verdict order wins (see
 * {@link Verdict}), and the evidence behind it is marked deciding. With no proposal the finding is
 * AFFECTED, decided by how it matched. A finding in CISA KEV never becomes LOW_RISK through
 * deployment context: that proposal is dropped and its evidence kept.
 */
public final class Triage {

    private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

    private final List<EvidenceCollector> collectors;
    private final StatementCollector statements;
    private final RiskModel riskModel;

    public Triage(List<EvidenceCollector> collectors, StatementCollector statements, RiskModel riskModel) {
        this.collectors = List.copyOf(collectors);
        this.statements = statements;
        this.riskModel = riskModel;
    }

    /** Creates a triage with every collector, for one run. */
    public static Triage standard(RiskModel riskModel, List<VexStatement> statements, LocalDate today) {
        StatementCollector statementCollector = new StatementCollector(statements, today);
        List<EvidenceCollector> collectors = List.of(statementCollector, new KernelPackageCollector(),
                new DeletedFilesCollector(), new ToolingCollector(), new DevDependencyCollector(),
                new VersionCollector(), new FixedVersionCollector(), new BackportCollector(), new DistroStatusCollector(),
                new DeploymentCollector(),
                new ExploitationCollector());
        return new Triage(collectors, statementCollector, riskModel);
    }

    /** Returns a triage that also runs the collector, for evidence computed once per scan such as reachability. */
    public Triage with(EvidenceCollector collector) {
        List<EvidenceCollector> all = new ArrayList<>(collectors);
        all.add(collector);
        return new Triage(all, statements, riskModel);
    }

    public TriageResult triage(List<Finding> findings, TriageContext context) {
        List<TriagedFinding> triaged = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            triaged.add(triage(finding, context));
        }
        List<VexStatement> unmatched = statements == null ? List.of() : statements.unmatched();
        List<VexStatement> expired = statements == null ? List.of() : statements.expired();
        unmatched.forEach(statement -> LOG.warn("VEX statement {} matched no finding", statement.label()));
        expired.forEach(statement -> LOG.warn("Decision {} expired on {} and no longer applies", statement.label(),
                statement.expires()));
        return new TriageResult(Advice.attach(triaged), unmatched, expired);
    }

    TriagedFinding triage(Finding finding, TriageContext context) {
        List<Observation> observations = new ArrayList<>();
        for (EvidenceCollector collector : collectors) {
            observations.addAll(collector.collect(finding, context));
        }
        if (finding.inKev()) {
            observations = observations.stream().map(Triage::withoutContextLowRisk).toList();
        }

        Verdict verdict = observations.stream()
                .map(Observation::proposed)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.comparingInt(Verdict::precedence))
                .orElse(null);

        List<Evidence> deciding = new ArrayList<>();
        List<Evidence> other = new ArrayList<>();
        List<Evidence> matchEvidence = matchEvidence(finding);
        if (verdict == null) {
            verdict = new Verdict.Affected(affectedReason(finding));
            matchEvidence.forEach(evidence -> deciding.add(evidence.withDecided(true)));
        } else {
            other.addAll(matchEvidence);
        }
        for (Observation observation : observations) {
            boolean decides = observation.proposed() != null && observation.proposed().equals(verdict);
            for (Evidence evidence : observation.evidence()) {
                (decides ? deciding : other).add(evidence.withDecided(decides));
            }
        }
        deciding.addAll(other);

        Risk risk = riskModel.assess(finding, verdict);
        return new TriagedFinding(finding, verdict, risk, deciding, null);
    }

    /** Keeps a context LOW_RISK proposal's evidence for a KEV finding, noting why it did not apply. */
    private static Observation withoutContextLowRisk(Observation observation) {
        if (observation.proposed() instanceof Verdict.LowRisk lowRisk && !lowRisk.fromDistro()) {
            List<Evidence> evidence = observation.evidence().stream()
                    .map(e -> Evidence.of(e.kind(), e.source(), e.fact()
                            + "; not applied, because the vulnerability is in CISA KEV", e.details()))
                    .toList();
            return new Observation(evidence, null);
        }
        return observation;
    }

    private static List<Evidence> matchEvidence(Finding finding) {
        List<Evidence> evidence = new ArrayList<>();
        for (MatchBasis basis : finding.basis()) {
            evidence.add(Evidence.of(EvidenceKind.MATCH, basis.source() + " " + basis.advisoryId(),
                    basis.explanation(), Map.of("ecosystem", basis.ecosystem(), "package", basis.packageName())));
        }
        if (evidence.isEmpty()) {
            evidence.add(Evidence.of(EvidenceKind.MATCH, "finding", finding.pkg().name() + " " + finding.installedVersion()
                    + " matched " + finding.id() + (finding.statusWords() != null ? ": " + finding.statusWords() : "")));
        }
        return evidence;
    }

    private static String affectedReason(Finding finding) {
        if (finding.fixState() == FixState.FIXED && !finding.fixedVersions().isEmpty()) {
            return finding.pkg().name() + " " + finding.installedVersion() + " is below the fixed version "
                    + finding.fixedVersions().getLast();
        }
        return finding.pkg().name() + " " + finding.installedVersion() + " is affected"
                + (finding.statusWords() != null ? " (" + finding.statusWords() + ")" : "");
    }
}
