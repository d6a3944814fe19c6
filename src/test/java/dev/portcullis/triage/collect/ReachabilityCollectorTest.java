package dev.portcullis.triage.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TestFindings;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import dev.portcullis.triage.reachability.EntryPoint;
import dev.portcullis.triage.reachability.ImportStep;
import dev.portcullis.triage.reachability.PackageReachability;
import dev.portcullis.triage.reachability.Reachability;
import dev.portcullis.triage.reachability.ReachabilityReport;
import dev.portcullis.triage.reachability.UndeterminedLoad;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReachabilityCollectorTest {

    private static final EntryPoint MAIN = new EntryPoint("/app/main.js", "image config: node main.js in /app");
    private static final Package LODASH = TestFindings.npm("lodash", "4.17.15", Map.of());
    private static final TriageContext CONTEXT = new TriageContext(null, null, null, null, null);

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(new Reachability.Reached(List.of(new ImportStep("/app/main.js", 3, "lodash",
                                "/app/node_modules/lodash/lodash.js"))), null,
                        "the application loads lodash 4.17.15: /app/main.js:3 'lodash'"),
                Arguments.of(new Reachability.PossiblyReached(List.of(new UndeterminedLoad("/app/main.js", 7,
                                "require(mod) with a computed name", List.of()))), null,
                        "the application may load lodash 4.17.15, since the analysis could not resolve"
                                + " /app/main.js:7 (require(mod) with a computed name)"),
                Arguments.of(new Reachability.NotReached(List.of(MAIN)),
                        new Verdict.NotAffected(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
                                "lodash 4.17.15 is installed but never loaded from the application's entry points"),
                        "no require or import from the entry points /app/main.js resolves into lodash 4.17.15"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void shouldReportReachability(Reachability reachability, Verdict proposed, String fact) {
        List<Observation> observations = collector(reachability)
                .collect(TestFindings.finding(LODASH, "CVE-2021-23337"), CONTEXT);

        assertThat(observations).singleElement().satisfies(observation -> {
            assertThat(observation.proposed()).isEqualTo(proposed);
            assertThat(observation.evidence()).extracting(Evidence::kind).containsExactly(EvidenceKind.REACHABILITY);
            assertThat(observation.evidence().getFirst().fact()).isEqualTo(fact);
        });
    }

    @Test
    void shouldIgnoreDistroPackages() {
        List<Observation> observations = collector(new Reachability.NotReached(List.of(MAIN)))
                .collect(TestFindings.finding(TestFindings.deb("zlib1g", "1.2.13", "zlib"), "CVE-2023-45853"), CONTEXT);

        assertThat(observations).isEmpty();
    }

    private static ReachabilityCollector collector(Reachability reachability) {
        String json = "/app/node_modules/lodash/package.json";
        return new ReachabilityCollector(new ReachabilityReport(List.of(MAIN),
                Map.of(json, new PackageReachability(LODASH, json, reachability)), List.of(), 1, 100));
    }
}
