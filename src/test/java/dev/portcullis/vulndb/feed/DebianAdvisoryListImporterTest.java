package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.TrackerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the shared files {@code ../shared/vulndata/debian-tracker/text-lists-2023/DSA/list} and
 * {@code .../DLA/list} (tracker snapshot of 2023-04-02).
 */
class DebianAdvisoryListImporterTest {

    private static final Path LISTS = Path.of("../shared/vulndata/debian-tracker/text-lists-2023");
    private static CollectingSink dsa;

    @BeforeAll
    static void importDsaList() throws IOException {
        dsa = new CollectingSink();
        new DebianAdvisoryListImporter().importFrom(LISTS.resolve("DSA/list"), dsa);
    }

    @Test
    void shouldImportEveryAdvisoryOfList() throws IOException {
        CollectingSink dla = new CollectingSink();

        new DebianAdvisoryListImporter().importFrom(LISTS.resolve("DLA/list"), dla);

        assertThat(dsa.advisories).hasSize(5406);
        assertThat(dla.advisories).hasSize(3534);
        assertThat(dsa.modes).containsOnly(MergeMode.MERGE_AFFECTED);
        assertThat(dsa.skipped).isEmpty();
        assertThat(dla.skipped).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "null", value = {
        // id, release key, package, status word, fixed version, note, state
        "DSA-5380-1, debian:11, xorg-server, fixed, 2:1.20.11-1+deb11u6, null, FIXED",
        "DSA-2274-1, debian:6, wireshark, fixed, 1.2.11-6+squeeze2, null, FIXED",
    })
    void shouldKeepReleaseLines(String id, String release, String packageName, String status, String fixedVersion,
            String note, TrackerState state) {
        Affected entry = dsa.advisory(id).affected().stream().filter(a -> a.ecosystem().equals(release)).findFirst()
                .orElseThrow();

        assertThat(entry.packageName()).isEqualTo(packageName);
        assertThat(entry.status().status()).isEqualTo(status);
        assertThat(entry.status().fixedVersion()).isEqualTo(fixedVersion);
        assertThat(entry.status().note()).isEqualTo(note);
        assertThat(entry.status().state()).isEqualTo(state);
    }

    @Test
    void shouldKeepHeaderAliasesAndDate() {
        Advisory xorg = dsa.advisory("DSA-5380-1");

        assertThat(xorg.aliases()).containsExactly("CVE-2023-1393");
        assertThat(xorg.summary()).isEqualTo("xorg-server - security update");
        assertThat(xorg.published()).isEqualTo(Instant.parse("2023-03-29T00:00:00Z"));
        assertThat(xorg.source()).isEqualTo("debian-tracker");
        assertThat(dsa.advisory("DSA-2274-1").aliases()).hasSize(6).contains("CVE-2011-1590", "CVE-2011-2175");
    }

    @Test
    void shouldKeepStatusWordsAndNotes(@TempDir Path temp) throws IOException {
        Path list = temp.resolve("list");
        Files.writeString(list, """
                [07 Jul 2011] DSA-2273-1 openoffice.org - several vulnerabilities
                \t{CVE-2011-2713}
                \t[squeeze] - openoffice.org 1:3.2.1-11+squeeze3
                \t[lenny] - openoffice.org <not-affected> (Vulnerable code not present)
                \t[jessie] - virtualbox <end-of-life>
                \tNOTE: fixed in testing at time of DSA
                \tsomething else
                [18 Apr 2018] DSA-4205-1 jessie end-of-life
                """);
        CollectingSink sink = new CollectingSink();

        new DebianAdvisoryListImporter().importFrom(list, sink);

        Advisory openoffice = sink.advisory("DSA-2273-1");
        assertThat(openoffice.affected()).extracting(a -> a.ecosystem() + " " + a.status().status() + " " + a.status().note())
                .containsExactly("debian:6 fixed null", "debian:5 not-affected Vulnerable code not present",
                        "debian:8 end-of-life null");
        assertThat(openoffice.affected().get(1).status().state()).isEqualTo(TrackerState.NOT_AFFECTED);
        assertThat(openoffice.details()).isEqualTo("fixed in testing at time of DSA");
        assertThat(sink.advisory("DSA-4205-1").summary()).isEqualTo("jessie end-of-life");
        assertThat(sink.advisory("DSA-4205-1").affected()).isEmpty();
        assertThat(sink.warnings).containsExactly(
                new ImportWarning("list:7#DSA-2273-1", "unrecognized line \"something else\"; line skipped"));
        assertThat(sink.advisories).hasSize(2);
    }
}
