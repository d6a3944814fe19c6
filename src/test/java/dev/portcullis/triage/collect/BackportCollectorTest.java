package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.deb;
import static dev.portcullis.triage.TestFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Distro;
import dev.portcullis.image.FileResolver;
import dev.portcullis.triage.AdvisoryLookup;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.VerdictKind;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BackportCollectorTest {

    private static final Distro BOOKWORM = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");
    private static final String PATH = "/usr/share/doc/libfoo1/changelog.Debian.gz";

    @Test
    void shouldProposePatchedForMentionAtInstalledVersion() throws Exception {
        List<Observation> observations = collect(files("foo (1.0-2) bookworm; urgency=high\n\n  * Fix CVE-2099-0001.\n"),
                AdvisoryLookup.none());

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed().kind()).isEqualTo(VerdictKind.ALREADY_PATCHED);
            assertThat(o.evidence().getFirst().details()).containsEntry("entryVersion", "1.0-2")
                    .containsEntry("line", "* Fix CVE-2099-0001.").containsEntry("layer", "layer 0");
        });
    }

    @Test
    void shouldIgnoreMentionAboveInstalledVersion() throws Exception {
        List<Observation> observations = collect(files("foo (1.0-3) bookworm; urgency=high\n\n  * Fix CVE-2099-0001.\n"),
                AdvisoryLookup.none());

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed()).isNull();
            assertThat(o.evidence().getFirst().fact()).startsWith("the changelog names none of CVE-2099-0001");
        });
    }

    @Test
    void shouldKeepMentionNonDecidingWhenDistroFixesAbove() throws Exception {
        DistroStatus fixed = new DistroStatus("fixed", "1.0-3", null, null, null, null);
        Advisory record = new Advisory("CVE-2099-0001", "debian-tracker", List.of(), null, null, null, null, null,
                List.of(), List.of(), List.of(new Affected("debian:12", "foo", List.of(), List.of(), null, null,
                        List.of("1.0-3"), fixed, null, null)), null);

        List<Observation> observations = collect(files("foo (1.0-2) bookworm; urgency=high\n\n  * Fix CVE-2099-0001.\n"),
                AdvisoryLookup.of(List.of(record)));

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed()).isNull();
            assertThat(o.evidence().getFirst().kind()).isEqualTo(EvidenceKind.CHANGELOG);
            assertThat(o.evidence().getFirst().fact()).endsWith("fixed version 1.0-3 above the installed 1.0-2");
        });
    }

    @Test
    void shouldSayChangelogIsAbsentInSlimImage() {
        List<Observation> observations = collect(new MemoryFiles(), AdvisoryLookup.none());

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed()).isNull();
            assertThat(o.evidence().getFirst().kind()).isEqualTo(EvidenceKind.ABSENT);
            assertThat(o.evidence().getFirst().fact()).contains(PATH).contains("slim images delete changelogs");
        });
    }

    private static List<Observation> collect(FileResolver files, AdvisoryLookup lookup) {
        TriageContext context = new TriageContext(null, BOOKWORM, files, lookup, null);
        return new BackportCollector().collect(finding(deb("libfoo1", "1.0-2", "foo"), "CVE-2099-0001"), context);
    }

    private static MemoryFiles files(String changelog) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(changelog.getBytes(StandardCharsets.UTF_8));
        }
        return new MemoryFiles().file(PATH, bytes.toByteArray(), 0);
    }
}
