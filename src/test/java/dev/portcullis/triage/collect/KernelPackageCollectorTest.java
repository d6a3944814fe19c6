package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.deb;
import static dev.portcullis.triage.TestFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.triage.Justification;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelPackageCollectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "linux-libc-dev, true",
        "linux-headers-6.1.0-28-amd64, true",
        "kernel-headers, true",
        "linux-base, false",
        "libc6, false"
    })
    void shouldJudgeOnlyKernelHeaderPackages(String name, boolean kernel) {
        var observations = new KernelPackageCollector().collect(finding(deb(name, "6.1.129-1", "linux"), "CVE-2099-0001"),
                new TriageContext(null, null, null, null, null));

        if (kernel) {
            assertThat(observations).singleElement().satisfies(o -> assertThat(o.proposed())
                    .isInstanceOfSatisfying(Verdict.NotAffected.class, n ->
                            assertThat(n.justification()).isEqualTo(Justification.VULNERABLE_CODE_NOT_PRESENT)));
        } else {
            assertThat(observations).isEmpty();
        }
    }
}
