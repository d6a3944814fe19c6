package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.deb;
import static dev.portcullis.triage.TestFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Distro;
import dev.portcullis.triage.AdvisoryLookup;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistroStatusCollectorTest {

    private static final Distro BOOKWORM = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            debian:12 | not-affected | -       | -           | -                | NotAffected[justification=VULNERABLE_CODE_NOT_PRESENT, reason=the distro marks debian:12/foo not affected]
            debian:12 | resolved     | 0       | -           | -                | NotAffected[justification=VULNERABLE_CODE_NOT_PRESENT, reason=the distro marks debian:12/foo not affected]
            debian:12 | unfixed      | -       | -           | -                | UpstreamPending[pending=NO_FIX_RELEASED, reason=no fix released for debian:12/foo]
            debian:12 | no-dsa       | -       | -           | -                | UpstreamPending[pending=MINOR_PER_SECURITY_TEAM, reason=minor per the security team (no-dsa) for debian:12/foo]
            debian:12 | postponed    | -       | -           | -                | UpstreamPending[pending=POSTPONED, reason=postponed for debian:12/foo]
            debian:12 | ignored      | -       | -           | -                | UpstreamPending[pending=WILL_NOT_FIX, reason=will not fix for debian:12/foo]
            debian:12 | end-of-life  | -       | -           | -                | Affected[reason=no security support: the distro ended security support for debian:12/foo]
            debian:12 | unfixed      | -       | unimportant | Minor issue      | LowRisk[fromDistro=true, reason=the distro rates it unimportant: "Minor issue"]
            debian    | fixed        | 1.0-5   | -           | -                | UpstreamPending[pending=NO_FIX_RELEASED, reason=no fix released for debian:12; unstable is fixed in 1.0-5]
            debian:12 | fixed        | 1.0-5   | -           | -                | -
            debian:12 | fixed        | 1.0-1   | -           | -                | -
            """)
    void shouldProposeVerdictForStatus(String release, String status, String fixed, String urgency, String note,
            String expected) {
        DistroStatus words = new DistroStatus(status, fixed, urgency, null, null, note);
        Advisory record = new Advisory("CVE-2099-0001", "debian-tracker", List.of(), null, null, null, null, null,
                List.of(), List.of(), List.of(new Affected(release, "foo", List.of(), List.of(), null, null,
                        fixed == null ? List.of() : List.of(fixed), words, null, null)), null);
        TriageContext context = new TriageContext(null, BOOKWORM, null, AdvisoryLookup.of(List.of(record)), null);

        List<Observation> observations = new DistroStatusCollector()
                .collect(finding(deb("libfoo1", "1.0-2", "foo"), "CVE-2099-0001"), context);

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed() == null ? null : o.proposed().toString()).isEqualTo(expected);
            assertThat(o.evidence().getFirst().details()).containsEntry("status", status);
        });
    }
}
