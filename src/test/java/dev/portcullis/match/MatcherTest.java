package dev.portcullis.match;

import static dev.portcullis.match.TestDatabases.deb;
import static dev.portcullis.match.TestDatabases.debian;
import static dev.portcullis.match.TestDatabases.npm;
import static dev.portcullis.match.TestDatabases.osv;
import static dev.portcullis.match.TestDatabases.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.VulnDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatcherTest {

    private static final Distro BOOKWORM = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");

    @TempDir
    Path temp;

    private List<Finding> match(List<Advisory> advisories, Package pkg) throws Exception {
        try (VulnDatabase db = TestDatabases.write(temp.resolve("vuln.db"), advisories)) {
            return new Matcher(db).match(pkg, BOOKWORM);
        }
    }

    @Test
    void shouldReportEpochFixOverSourceVersion() throws Exception {
        Advisory record = debian("CVE-2099-0001", List.of(), "debian:12", "foo", status("fixed", "1:2.3-2", null));

        List<Finding> findings = match(List.of(record), deb("libfoo1", "1:2.3-1", "foo", "2.3-1"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.id()).isEqualTo("CVE-2099-0001");
            assertThat(finding.fixedVersions()).containsExactly("1:2.3-2");
            assertThat(finding.statusWords()).isEqualTo("fixed in 1:2.3-2");
            assertThat(finding.basis().getFirst().explanation())
                    .isEqualTo("deb source foo 1:2.3-1 < fixed 1:2.3-2 (dpkg comparator)");
        });
    }

    @Test
    void shouldNotReportEpochFixEqualToBinary() throws Exception {
        Advisory record = debian("CVE-2099-0001", List.of(), "debian:12", "foo", status("fixed", "1:2.3-1", null));

        assertThat(match(List.of(record), deb("libfoo1", "1:2.3-1", "foo", "2.3-1"))).isEmpty();
    }

    @Test
    void shouldCompareSourceVersionWithoutEpoch() throws Exception {
        // bsdutils 1:2.38.1-5+deb12u3 is built from util-linux 2.38.1-5+deb12u3, which has no epoch.
        Advisory record = debian("CVE-2099-0002", List.of(), "debian:12", "util-linux",
                status("fixed", "2.38.1-5+deb12u4", null));

        List<Finding> findings = match(List.of(record), deb("bsdutils", "1:2.38.1-5+deb12u3", "util-linux",
                "2.38.1-5+deb12u3"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.installedVersion()).isEqualTo("1:2.38.1-5+deb12u3");
            assertThat(finding.fixedVersions()).containsExactly("2.38.1-5+deb12u4");
        });
    }

    @Test
    void shouldMergeGhsaWithCveRecord() throws Exception {
        Advisory ghsa = osv("GHSA-35jh-r3h4-6jhm", "ghsa", List.of("CVE-2021-23337"), "npm", "lodash", "4.17.21", "HIGH");
        Advisory osvRecord = osv("CVE-2021-23337", "osv-npm", List.of(), "npm", "lodash", "4.17.21", null);

        List<Finding> findings = match(List.of(ghsa, osvRecord), npm("lodash", "4.17.15"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.id()).isEqualTo("CVE-2021-23337");
            assertThat(finding.aliases()).containsExactly("GHSA-35jh-r3h4-6jhm");
            assertThat(finding.basis()).extracting(MatchBasis::source).containsExactly("ghsa", "osv-npm");
            assertThat(finding.displayed().source()).isEqualTo("ghsa");
            assertThat(finding.level()).isEqualTo(Level.HIGH);
        });
    }

    @Test
    void shouldMergeGhsaWithDebianRecord() throws Exception {
        // Debian packages node-lodash as a deb; its tracker record and an OSV record naming the
        // Debian release both alias the CVE of the GHSA.
        Advisory tracker = debian("CVE-2021-23337", List.of(), "debian:12", "node-lodash",
                status("no-dsa", null, null));
        Advisory ghsa = osv("GHSA-35jh-r3h4-6jhm", "ghsa", List.of("CVE-2021-23337"), "debian:12", "node-lodash",
                "4.17.21+dfsg+~cs8.31.198.20210220-9", "HIGH");

        List<Finding> findings = match(List.of(tracker, ghsa),
                deb("node-lodash", "4.17.21+dfsg+~cs8.31.198.20210220-5", "node-lodash",
                        "4.17.21+dfsg+~cs8.31.198.20210220-5"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.id()).isEqualTo("CVE-2021-23337");
            assertThat(finding.aliases()).containsExactly("GHSA-35jh-r3h4-6jhm");
            assertThat(finding.basis()).hasSize(2);
        });
    }

    @Test
    void shouldCloseCveFixedByDsa() throws Exception {
        Advisory cve = debian("CVE-2024-2961", List.of("DSA-5673-1"), "debian", "glibc", status("fixed", "2.37-18", null));
        Advisory dsa = debian("DSA-5673-1", List.of("CVE-2024-2961", "CVE-2099-0003"), "debian:12", "glibc",
                status("fixed", "2.36-9+deb12u6", null));

        assertThat(match(List.of(cve, dsa), deb("libc6", "2.36-9+deb12u14", "glibc", "2.36-9+deb12u14"))).isEmpty();
    }

    @Test
    void shouldKeepOpenDsaAsAlias() throws Exception {
        Advisory cve = debian("CVE-2024-2961", List.of("DSA-5673-1"), "debian", "glibc", status("fixed", "2.37-18", null));
        Advisory other = debian("CVE-2099-0003", List.of(), "debian:12", "glibc", status("no-dsa", null, null));
        Advisory dsa = debian("DSA-5673-1", List.of("CVE-2024-2961", "CVE-2099-0003"), "debian:12", "glibc",
                status("fixed", "2.36-9+deb12u6", null));

        List<Finding> findings = match(List.of(cve, other, dsa), deb("libc6", "2.36-9+deb12u4", "glibc", "2.36-9+deb12u4"));

        assertThat(findings).extracting(Finding::id).containsExactly("CVE-2024-2961", "CVE-2099-0003");
        assertThat(findings.getFirst().aliases()).containsExactly("DSA-5673-1");
        assertThat(findings.getFirst().fixedVersions()).containsExactly("2.36-9+deb12u6");
    }

    static Stream<Arguments> sidOnlyRecords() {
        return Stream.of(
                Arguments.of("1:1.2.13.dfsg-1", true, "no fix in debian:12 (unstable fixed in 1:1.3.dfsg-2)"),
                Arguments.of("1:1.3.dfsg-2", false, null),
                Arguments.of("1:1.3.dfsg-3", false, null));
    }

    @ParameterizedTest(name = "zlib {0} open: {1}")
    @MethodSource("sidOnlyRecords")
    void shouldOpenReleaseWithoutLineOnlyBelowUnstableFix(String installed, boolean open, String words) throws Exception {
        Advisory record = debian("CVE-2023-45853", List.of(), "debian", "zlib", status("fixed", "1:1.3.dfsg-2", null));

        List<Finding> findings = match(List.of(record), deb("zlib1g", installed, "zlib", installed));

        if (open) {
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.statusWords()).isEqualTo(words);
                assertThat(finding.fixState()).isEqualTo(FixState.NOT_FIXED);
                assertThat(finding.fixedVersions()).isEmpty();
            });
        } else {
            assertThat(findings).isEmpty();
        }
    }

    static Stream<Arguments> trackerWords() {
        return Stream.of(
                Arguments.of("unfixed", null, FixState.NOT_FIXED, "no fix (unfixed)"),
                Arguments.of("no-dsa", null, FixState.NOT_FIXED, "no fix (no-dsa)"),
                Arguments.of("postponed", null, FixState.NOT_FIXED, "no fix (postponed)"),
                Arguments.of("ignored", null, FixState.WONT_FIX, "will not fix"),
                Arguments.of("end-of-life", null, FixState.END_OF_LIFE, "end-of-life"),
                Arguments.of("unfixed", "unimportant", FixState.NOT_FIXED, "no fix (unfixed), unimportant"),
                Arguments.of("not-affected", null, null, null),
                Arguments.of("removed", null, null, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("trackerWords")
    void shouldKeepTrackerStatusWords(String word, String urgency, FixState state, String words) throws Exception {
        Advisory record = debian("CVE-2099-0004", List.of(), "debian:12", "shadow", status(word, null, urgency));

        List<Finding> findings = match(List.of(record), deb("login", "1:4.13+dfsg1-1", "shadow", "1:4.13+dfsg1-1"));

        if (state == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.fixState()).isEqualTo(state);
                assertThat(finding.statusWords()).isEqualTo(words);
            });
        }
    }

    @Test
    void shouldNotReportFixedVersionZeroAsFinding() throws Exception {
        Advisory record = debian("CVE-2099-0005", List.of(), "debian:12", "zlib", status("resolved", "0", null));

        assertThat(match(List.of(record), deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"))).isEmpty();
    }

    @Test
    void shouldFallBackToBinaryName() throws Exception {
        Advisory record = debian("CVE-2099-0006", List.of(), "debian:12", "libfoo1", status("unfixed", null, null));

        assertThat(match(List.of(record), deb("libfoo1", "1.0-1", "foo", "1.0-1")))
                .extracting(Finding::id).containsExactly("CVE-2099-0006");
    }

    @Test
    void shouldPreferDistroUrgencyOverAdvisoryLevel() throws Exception {
        Advisory record = debian("CVE-2099-0007", List.of("GHSA-aaaa-bbbb-cccc"), "debian:12", "foo",
                status("unfixed", null, "low"));
        Advisory ghsa = osv("GHSA-aaaa-bbbb-cccc", "ghsa", List.of("CVE-2099-0007"), "npm", "foo", "2.0.0", "CRITICAL");

        List<Finding> findings = match(List.of(record, ghsa), deb("foo", "1.0-1", "foo", "1.0-1"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.displayed().source()).isEqualTo("debian-tracker");
            assertThat(finding.level()).isEqualTo(Level.LOW);
        });
    }

    @Test
    void shouldAttachEpssAndNvdPrimaryScore() throws Exception {
        Advisory ghsa = osv("GHSA-35jh-r3h4-6jhm", "ghsa", List.of("CVE-2021-23337"), "npm", "lodash", "4.17.21", "HIGH");
        Path file = temp.resolve("scored.db");
        new dev.portcullis.vulndb.DatabaseBuilder(TestDatabases.CLOCK).update(file, writer -> {
            writer.putAdvisory(ghsa, dev.portcullis.vulndb.MergeMode.REPLACE);
            writer.putEpss(new EpssScore("CVE-2021-23337", 0.0123, 0.85, LocalDate.parse("2026-11-30"), "v2025.03.14"));
            writer.replaceCvss("CVE-2021-23337", List.of(
                    new CvssMetric("CVE-2021-23337", "3.1", "nvd@nist.gov", "Primary",
                            "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2, "HIGH"),
                    new CvssMetric("CVE-2021-23337", "3.1", "cna@example.org", "Secondary",
                            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL")));
            return null;
        });

        List<Finding> findings;
        try (VulnDatabase db = VulnDatabase.open(file)) {
            findings = new Matcher(db).match(npm("lodash", "4.17.15"), BOOKWORM);
        }

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.epss().epss()).isEqualTo(0.0123);
            assertThat(finding.displayed().source()).isEqualTo("nvd (nvd@nist.gov, Primary)");
            assertThat(finding.displayed().score()).isEqualTo(7.2);
            assertThat(finding.ratings()).extracting(Rating::source)
                    .containsExactly("nvd (nvd@nist.gov, Primary)", "nvd (cna@example.org, Secondary)", "ghsa");
        });
    }
}
