package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.deb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Distro;
import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.triage.AdvisoryLookup;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionCollectorTest {

    private static final Distro BOOKWORM = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");

    /** libc6 matched by a generic upstream range, as an NVD CPE match or another scanner's report does. */
    private static final Finding UPSTREAM = new Finding(deb("libc6", "2.36-9+deb12u14", "glibc"), "2.36-9+deb12u14",
            "CVE-2024-2961", List.of(), null, List.of(), FixState.FIXED, "fixed in 2.40", List.of("2.40"), List.of(),
            null, null, null, List.of(new MatchBasis("nvd", "CVE-2024-2961", "generic", "glibc", "2.36 < 2.40")));

    @Test
    void shouldProposePatchedWhenDistroFixIsAtOrBelowInstalled() {
        List<Observation> observations = collect("2.36-9+deb12u6");

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed()).isEqualTo(new Verdict.AlreadyPatched(
                    "installed 2.36-9+deb12u14 is at or past the distro's fixed version 2.36-9+deb12u6 (dpkg comparator)"));
            assertThat(o.evidence().getFirst().details())
                    .containsEntry("installed", "2.36-9+deb12u14")
                    .containsEntry("fixed", "2.36-9+deb12u6")
                    .containsEntry("comparator", "dpkg comparator")
                    .containsEntry("otherSource", "the finding's source calls it affected: nvd CVE-2024-2961"
                            + " [generic/glibc]: 2.36 < 2.40");
        });
    }

    @Test
    void shouldOnlyRecordWhenDistroFixIsAboveInstalled() {
        List<Observation> observations = collect("2.36-9+deb12u15");

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed()).isNull();
            assertThat(o.evidence().getFirst().fact())
                    .isEqualTo("2.36-9+deb12u14 < fixed 2.36-9+deb12u15 in debian:12/glibc (dpkg comparator)");
        });
    }

    private static List<Observation> collect(String fixed) {
        Advisory record = new Advisory("CVE-2024-2961", "debian-tracker", List.of(), null, null, null, null, null,
                List.of(), List.of(), List.of(new Affected("debian:12", "glibc", List.of(), List.of(), null, null,
                        List.of(fixed), new DistroStatus("fixed", fixed, null, null, null, null), null, null)), null);
        TriageContext context = new TriageContext(null, BOOKWORM, null, AdvisoryLookup.of(List.of(record)), null);
        return new VersionCollector().collect(UPSTREAM, context);
    }
}
