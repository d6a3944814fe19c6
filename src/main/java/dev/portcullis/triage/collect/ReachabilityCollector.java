package dev.portcullis.triage.collect;

import dev.portcullis.catalog.PackageType;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import dev.portcullis.triage.reachability.EntryPoint;
import dev.portcullis.triage.reachability.ImportStep;
import dev.portcullis.triage.reachability.Reachability;
import dev.portcullis.triage.reachability.ReachabilityReport;
import dev.portcullis.triage.reachability.UndeterminedLoad;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges npm packages by whether the application can load them, from one {@link ReachabilityReport}
 * computed per scan.
 *
 * <pre>{@code
 * new ReachabilityCollector(report).collect(expressFinding, context);
 * // NOT_AFFECTED (vulnerable_code_not_in_execute_path), evidence: "searched /usr/src/app/dist/main.js ..."
 * }</pre>
 *
 * <p>A package no import reaches is NOT_AFFECTED with justification
 * {@code vulnerable_code_not_in_execute_path}, backed by the entry points searched. A reached package
 * keeps its verdict and gains the import chain. A possibly reached package keeps its verdict and gains
 * the loads that kept it from being proven unreachable.
 */
public final class ReachabilityCollector implements EvidenceCollector {

    private static final int MAX_CAUSES_LISTED = 3;

    private final ReachabilityReport report;

    public ReachabilityCollector(ReachabilityReport report) {
        this.report = report;
    }

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        if (finding.pkg().type() != PackageType.NPM) {
            return List.of();
        }
        Optional<Reachability> reachability = report.forPackage(finding.pkg());
        if (reachability.isEmpty()) {
            return List.of();
        }
        String name = finding.pkg().name() + " " + finding.pkg().version();
        return List.of(switch (reachability.get()) {
            case Reachability.Reached reached -> Observation.fact(chainEvidence(name, reached.chain()));
            case Reachability.PossiblyReached possibly -> Observation.fact(causeEvidence(name, possibly.causes()));
            case Reachability.NotReached notReached -> notReached(name, notReached.searched());
        });
    }

    private static Evidence chainEvidence(String name, List<ImportStep> chain) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < chain.size(); i++) {
            details.put("step" + (i + 1), chain.get(i).toString());
        }
        String source = chain.isEmpty() ? "import analysis" : chain.getFirst().file();
        return Evidence.of(EvidenceKind.REACHABILITY, source, "the application loads " + name + ": "
                + chain.stream().map(step -> step.file() + ":" + step.line() + " '" + step.specifier() + "'")
                        .collect(Collectors.joining(" -> ")), details);
    }

    private static Evidence causeEvidence(String name, List<UndeterminedLoad> causes) {
        List<UndeterminedLoad> listed = causes.subList(0, Math.min(MAX_CAUSES_LISTED, causes.size()));
        Map<String, String> details = new LinkedHashMap<>();
        for (UndeterminedLoad cause : listed) {
            details.put(cause.location(), cause.reason());
        }
        String first = listed.isEmpty() ? "import analysis" : listed.getFirst().location();
        return Evidence.of(EvidenceKind.REACHABILITY, first, "the application may load " + name
                + ", since the analysis could not resolve " + listed.stream()
                        .map(cause -> cause.location() + " (" + cause.reason() + ")")
                        .collect(Collectors.joining(", ")), details);
    }

    private static Observation notReached(String name, List<EntryPoint> searched) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < searched.size(); i++) {
            details.put("entryPoint" + (i + 1), searched.get(i).file() + " (" + searched.get(i).origin() + ")");
        }
        String files = searched.stream().map(EntryPoint::file).collect(Collectors.joining(", "));
        Evidence evidence = Evidence.of(EvidenceKind.REACHABILITY, "import analysis",
                "no require or import from the entry points " + files + " resolves into " + name, details);
        return Observation.verdict(new Verdict.NotAffected(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
                name + " is installed but never loaded from the application's entry points"), evidence);
    }
}
