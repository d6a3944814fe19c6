package dev.portcullis.report.overview;

import dev.portcullis.audit.Severity;
import dev.portcullis.report.Plural;
import dev.portcullis.report.config.ConfigFinding;
import dev.portcullis.report.config.ConfigOrigin;
import dev.portcullis.report.config.ConfigurationReport;
import dev.portcullis.triage.RiskLevel;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.VerdictKind;
import java.util.List;
import java.util.stream.Stream;

/** The checklist items that come from the triaged findings and the configuration findings. */
final class FindingChecks {

    private FindingChecks() {}

    static Check noActionableHighRisk(List<TriagedFinding> findings) {
        List<TriagedFinding> actionable = findings.stream()
                .filter(t -> t.verdict().kind() == VerdictKind.AFFECTED || t.verdict().kind() == VerdictKind.UPSTREAM_PENDING)
                .filter(t -> t.risk().level().atLeast(RiskLevel.HIGH))
                .toList();
        if (actionable.isEmpty()) {
            return new Check("no affected finding at high or critical risk", CheckStatus.PASSED,
                    Plural.of(findings.size(), "finding") + " triaged, none affected at high or critical risk", null);
        }
        String ids = String.join(", ", actionable.stream()
                .map(t -> t.finding().id() + " (" + t.finding().pkg().name() + ")").distinct().toList());
        return new Check("no affected finding at high or critical risk", CheckStatus.FAILED,
                actionable.size() + " at high or critical risk: " + ids, "apply the update advice above");
    }

    /** Returns one check each for the run settings, the image and the Dockerfile lint. */
    static List<Check> configuration(ConfigurationReport configuration) {
        boolean runSettings = configuration.checked(ConfigOrigin.COMPOSE) || configuration.checked(ConfigOrigin.DOCKER_RUN);
        List<ConfigFinding> runFindings = Stream.concat(configuration.findings(ConfigOrigin.COMPOSE).stream(),
                configuration.findings(ConfigOrigin.DOCKER_RUN).stream()).toList();
        return List.of(
                serious("runtime settings hardened", runSettings, runFindings,
                        "no compose file or docker run command given (--compose, --docker-run)",
                        "apply the runtime settings listed under runtime hardening"),
                serious("image config and layers hardened", configuration.checked(ConfigOrigin.IMAGE),
                        configuration.findings(ConfigOrigin.IMAGE), "the image audit did not run",
                        "apply the fixes listed under the image audit"),
                serious("no high or critical Dockerfile lint finding", configuration.checked(ConfigOrigin.DOCKERFILE),
                        configuration.findings(ConfigOrigin.DOCKERFILE), "no Dockerfile given (--dockerfile)",
                        "apply the fixes listed under the Dockerfile lint"));
    }

    /** Passes when the input was checked and none of its findings is high or critical. */
    private static Check serious(String name, boolean checked, List<ConfigFinding> findings, String notChecked,
            String fix) {
        if (!checked) {
            return new Check(name, CheckStatus.UNKNOWN, notChecked, null);
        }
        long serious = findings.stream().filter(f -> f.severity().isAtLeast(Severity.HIGH)).count();
        return new Check(name, serious == 0 ? CheckStatus.PASSED : CheckStatus.FAILED,
                Plural.of(findings.size(), "finding") + ", " + serious + " of them high or critical", serious == 0 ? null : fix);
    }
}
