package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.Severity;
import dev.portcullis.vulndb.TrackerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the shared file {@code ../shared/vulndata/debian-tracker/debian-tracker-sample.synthetic.json}. */
class DebianTrackerImporterTest {

    private static final Path SAMPLE = Path.of("../shared/vulndata/debian-tracker/debian-tracker-sample.synthetic.json");
    private static CollectingSink sink;

    @BeforeAll
    static void importSample() throws IOException {
        sink = new CollectingSink();
        new DebianTrackerImporter().importFrom(SAMPLE, sink);
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(nullValues = "null", value = {
        // id, package, release key, status, fixed_version, urgency, nodsa_reason, state, fixed versions
        "CVE-2099-0001, openssl, debian:12, resolved, 3.0.18-1~deb12u2, not yet assigned, null, FIXED, 3.0.18-1~deb12u2",
        "CVE-2099-0001, openssl, debian:unstable, resolved, 3.5.1-1, not yet assigned, null, FIXED, 3.5.1-1",
        "CVE-2099-0002, zlib, debian:12, open, null, not yet assigned*, ignored, IGNORED, null",
        "CVE-2099-0003, qemu, debian:12, open, null, low, postponed, POSTPONED, null",
        "CVE-2099-0004, tar, debian:12, open, null, low, '', NO_DSA, null",
        "CVE-2099-0005, prototypejs, debian:12, resolved, 0, unimportant, null, NOT_AFFECTED, null",
        "CVE-2099-0006, coreutils, debian:12, open, null, unimportant, null, UNFIXED, null",
        "CVE-2099-0007, chromium, debian:11, open, null, end-of-life, null, END_OF_LIFE, null",
        "CVE-2099-0007, chromium, debian:12, undetermined, null, not yet assigned, null, UNDETERMINED, null",
    })
    void shouldKeepStatusWordsPerRelease(String id, String packageName, String release, String status, String fixedVersion,
            String urgency, String nodsaReason, TrackerState state, String fixed) {
        Affected entry = entry(id, release);

        assertThat(entry.packageName()).isEqualTo(packageName);
        assertThat(entry.status().status()).isEqualTo(status);
        assertThat(entry.status().fixedVersion()).isEqualTo(fixedVersion);
        assertThat(entry.status().urgency()).isEqualTo(urgency);
        assertThat(entry.status().nodsaReason()).isEqualTo(nodsaReason);
        assertThat(entry.status().state()).isEqualTo(state);
        assertThat(entry.fixedVersions()).isEqualTo(fixed == null ? List.of() : List.of(fixed));
    }

    @Test
    void shouldKeepNodsaTextAndRepositories() {
        Affected tar = entry("CVE-2099-0004", "debian:12");

        assertThat(tar.status().nodsa()).isEqualTo("Minor issue");
        assertThat(tar.ecosystemSpecific()).contains("\"next_point_update\":true").contains("1.34+dfsg-1.2+deb12u1");
    }

    @Test
    void shouldBuildRangesOnlyWhereStatusImpliesThem() {
        assertThat(entry("CVE-2099-0001", "debian:12").ranges().getFirst().events())
                .containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("3.0.18-1~deb12u2"));
        assertThat(entry("CVE-2099-0006", "debian:12").ranges().getFirst().events()).containsExactly(RangeEvent.introduced("0"));
        assertThat(entry("CVE-2099-0005", "debian:12").ranges()).isEmpty();
        assertThat(entry("CVE-2099-0007", "debian:12").ranges()).isEmpty();
    }

    @Test
    void shouldKeepUnimportantUrgencyAsData() {
        DistroStatus coreutils = entry("CVE-2099-0006", "debian:12").status();

        assertThat(coreutils.isUnimportant()).isTrue();
        assertThat(coreutils.state()).isEqualTo(TrackerState.UNFIXED);
    }

    @Test
    void shouldTakeUnstableUrgencyAsSeverity() {
        assertThat(sink.advisory("CVE-2099-0001").severities()).isEmpty();
        assertThat(DebianTrackerImporter.urgency(new ObjectMapper().createObjectNode()
                .put("status", "open").put("urgency", "low")))
                .containsExactly(new Severity("debian-tracker", "DEBIAN_URGENCY", null, "low"));
    }

    @Test
    void shouldImportEveryRecordForMerging() {
        Advisory openssl = sink.advisory("CVE-2099-0001");

        assertThat(sink.advisories).hasSize(7);
        assertThat(sink.modes).containsOnly(MergeMode.MERGE_AFFECTED);
        assertThat(openssl.source()).isEqualTo("debian-tracker");
        assertThat(openssl.summary()).isEqualTo("SYNTHETIC: fixed in a bookworm security update (backport)");
        assertThat(openssl.databaseSpecific()).isEqualTo("{\"scope\":\"remote\",\"debianbug\":1000001}");
        assertThat(sink.skipped).isEmpty();
    }

    @Test
    void shouldSkipRestOfMalformedFile(@TempDir Path temp) throws IOException {
        Path broken = temp.resolve("tracker.json");
        Files.writeString(broken, """
                {"zlib": {"CVE-2099-0100": {"releases": {"bookworm": {"status": "open", "urgency": "low"}}}},
                 "tar": {"CVE-2099-0101": {"description": "no releases"}},
                 "curl": {"CVE-2099-0102": {"releases": {""");
        CollectingSink local = new CollectingSink();

        new DebianTrackerImporter().importFrom(broken, local);

        assertThat(local.advisories).extracting(Advisory::id).containsExactly("CVE-2099-0100");
        assertThat(local.skipped).extracting(ImportWarning::location)
                .containsExactly("tracker.json#tar/CVE-2099-0101", "tracker.json");
        assertThat(local.skipped.get(1).reason()).startsWith("malformed JSON at line 3");
    }

    private static Affected entry(String id, String release) {
        return sink.advisory(id).affected().stream().filter(a -> a.ecosystem().equals(release)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no entry for " + release));
    }
}
