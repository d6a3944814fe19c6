package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.Severity;
import dev.portcullis.vulndb.TrackerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the real per-CVE records in the shared folder {@code ../shared/vulndata/debian-tracker/vuln-list-format}. */
class DebianVulnListImporterTest {

    private static final Path RECORDS = Path.of("../shared/vulndata/debian-tracker/vuln-list-format");

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource(nullValues = "null", value = {
        // file id, package, release key, status word, fixed version, urgency, note, state
        "CVE-2011-3374, apt, debian, unfixed, null, unimportant, null, UNFIXED",
        "CVE-2016-2781, coreutils, debian, fixed, 9.4-1, low, null, FIXED",
        "CVE-2016-2781, coreutils, debian:12, ignored, null, null, Minor issue, IGNORED",
        "CVE-2016-2781, coreutils, debian:8, ignored, null, null, Minor issue, IGNORED",
        "CVE-2019-1010022, glibc, debian, unfixed, null, unimportant, null, UNFIXED",
        "CVE-2023-45853, zlib, debian, fixed, 1:1.3.dfsg-2, null, null, FIXED",
        "CVE-2023-45853, minizip, debian, removed, null, null, null, REMOVED",
        "CVE-2023-4641, shadow, debian:12, no-dsa, null, null, Minor issue, NO_DSA",
        "CVE-2023-4911, glibc, debian:10, not-affected, null, null, Vulnerable code introduced later, NOT_AFFECTED",
        "CVE-2023-50495, ncurses, debian:11, no-dsa, null, null, Minor issue, NO_DSA",
        "CVE-2024-2961, glibc, debian, fixed, 2.37-18, null, null, FIXED",
        "CVE-2024-5535, openssl, debian:12, postponed, null, null, 'Minor issue, fix along with next update round', POSTPONED",
        "CVE-2025-0395, glibc, debian:11, postponed, null, null, Minor issue; can be fixed in next update, POSTPONED",
        "DSA-5673-1, glibc, debian:12, fixed, 2.36-9+deb12u6, null, null, FIXED",
    })
    void shouldKeepEachAnnotationWords(String id, String packageName, String release, String status, String fixedVersion,
            String urgency, String note, TrackerState state) throws IOException {
        CollectingSink sink = new CollectingSink();

        new DebianVulnListImporter().importFrom(RECORDS.resolve(id + ".json"), sink);

        Affected entry = sink.advisory(id).affected().stream()
                .filter(a -> a.ecosystem().equals(release) && a.packageName().equals(packageName)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no entry " + release + "/" + packageName));
        assertThat(entry.status().status()).isEqualTo(status);
        assertThat(entry.status().fixedVersion()).isEqualTo(fixedVersion);
        assertThat(entry.status().urgency()).isEqualTo(urgency);
        assertThat(entry.status().note()).isEqualTo(note);
        assertThat(entry.status().state()).isEqualTo(state);
        assertThat(entry.fixedVersions()).isEqualTo(fixedVersion == null ? List.of() : List.of(fixedVersion));
    }

    @Test
    void shouldDropListBracketsFromSummary() throws IOException {
        CollectingSink sink = new CollectingSink();

        new DebianVulnListImporter().importFrom(RECORDS.resolve("CVE-2023-4911.json"), sink);

        assertThat(sink.advisory("CVE-2023-4911").summary()).isEqualTo(
                "buffer overflow in dynamic loader's processing of the GLIBC_TUNABLES environment variable");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            (MiniZip in zlib through 1.3 has an integer overflow ...) | MiniZip in zlib through 1.3 has an integer overflow ...
            [glibc: buffer overflow]                                  | glibc: buffer overflow
            glibc - security update                                   | glibc - security update
            (unbalanced]                                              | (unbalanced]
            null                                                      | null
            """)
    void shouldUnwrapHeaderDescription(String description, String expected) {
        assertThat(DebianVulnListImporter.headerDescription(description)).isEqualTo(expected);
    }

    @Test
    void shouldTurnCrossReferencesIntoAliases() throws IOException {
        CollectingSink sink = new CollectingSink();

        new DebianVulnListImporter().importFrom(RECORDS.resolve("DSA-5673-1.json"), sink);
        new DebianVulnListImporter().importFrom(RECORDS.resolve("CVE-2024-2961.json"), sink);

        assertThat(sink.advisory("DSA-5673-1").aliases()).containsExactly("CVE-2024-2961");
        assertThat(sink.advisory("CVE-2024-2961").aliases()).containsExactly("DSA-5673-1", "DLA-3807-1");
        assertThat(sink.advisory("DSA-5673-1").summary()).isEqualTo("glibc - security update");
    }

    @Test
    void shouldKeepNotesAsDetails() throws IOException {
        CollectingSink sink = new CollectingSink();

        new DebianVulnListImporter().importFrom(RECORDS.resolve("CVE-2011-3374.json"), sink);

        Advisory apt = sink.advisory("CVE-2011-3374");
        assertThat(apt.source()).isEqualTo("debian-tracker");
        assertThat(apt.details()).isEqualTo("Not exploitable in Debian, since no keyring URI is defined");
        assertThat(apt.affected()).singleElement().satisfies(a -> assertThat(a.status().isUnimportant()).isTrue());
        assertThat(apt.severities()).containsExactly(
                new Severity("debian-tracker", "DEBIAN_URGENCY", null, "unimportant"));
    }

    @Test
    void shouldSkipRecordWithoutId(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("CVE-2099-0001.json");
        Files.writeString(file, "{\"Header\": {}, \"Annotations\": []}");
        CollectingSink sink = new CollectingSink();

        new DebianVulnListImporter().importFrom(file, sink);

        assertThat(sink.advisories).isEmpty();
        assertThat(sink.skipped).containsExactly(new ImportWarning("CVE-2099-0001.json", "no Header.ID; record skipped"));
    }
}
