package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.deb;
import static dev.portcullis.triage.TestFindings.npm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedVersionCollectorTest {

    @ParameterizedTest(name = "lodash {0}, fixed in {1}: patched={2}")
    @CsvSource(delimiter = '|', textBlock = """
            4.17.20 | 4.17.19        | true
            4.17.19 | 4.17.19        | true
            4.17.15 | 4.17.19        | false
            4.17.20 | 3.10.1 4.17.19 | true
            4.0.0   | 3.10.1 4.17.19 | false
            4.17.20 | not-a-version  | false
            """)
    void shouldProposePatchedPastEveryFix(String installed, String fixed, boolean patched) {
        Finding finding = reported(npm("lodash", installed, Map.of()), "CVE-2020-8203",
                Arrays.asList(fixed.split(" ")));

        List<Observation> observations = new FixedVersionCollector().collect(finding, null);

        if (patched) {
            assertThat(observations).singleElement().satisfies(o -> assertThat(o.proposed())
                    .isEqualTo(new Verdict.AlreadyPatched("installed " + installed + " is at or past the fixed version "
                            + String.join(", ", fixed.split(" ")) + " (semver comparator)")));
        } else {
            assertThat(observations).isEmpty();
        }
    }

    @ParameterizedTest(name = "libssl3 {0}, fixed in {1}: patched={2}")
    @CsvSource(delimiter = '|', textBlock = """
            3.0.15-1~deb12u1 | 3.0.14-1~deb12u1 | true
            3.0.15-1~deb12u1 | 3.0.15-1~deb12u2 | false
            3.0.15-1~deb12u1 | 3.0.15-1         | false
            """)
    void shouldCompareDistroBySourceVersion(String installed, String fixed, boolean patched) {
        Finding finding = reported(deb("libssl3", installed, "openssl"), "CVE-2024-0001", List.of(fixed));

        List<Observation> observations = new FixedVersionCollector().collect(finding, null);

        assertThat(observations).hasSize(patched ? 1 : 0);
    }

    /** Builds a finding as it appears in a Trivy report, with that report's fixed versions. */
    private static Finding reported(Package pkg, String id, List<String> fixed) {
        return new Finding(pkg, pkg.version(), id, List.of(), null, List.of(), FixState.FIXED,
                "fixed in " + String.join(", ", fixed), fixed, List.of(), null, null, null,
                List.of(new MatchBasis("trivy report", id, pkg.type().purlType(), pkg.name(), "reported")));
    }
}
