package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.ProductRelease;
import dev.portcullis.vulndb.ReleaseCycle;
import dev.portcullis.vulndb.SecuritySupportLimit;
import dev.portcullis.vulndb.SecuritySupportLimit.Kind;
import dev.portcullis.vulndb.VulnDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imports the lifecycle data as {@code db import} does: the shared folder {@code ../shared/vulndata/distro}
 * (node-releases, distro-info-data, debian-security-support) and this module's fixtures in
 * {@code src/test/resources/vulndb/lifecycle}, then reads it back through {@link VulnDatabase}.
 */
class LifecycleImportTest {

    @TempDir
    static Path temp;

    private static ImportReport report;
    private static Path database;

    @BeforeAll
    static void importLifecycleData() throws Exception {
        database = temp.resolve("vuln.db");
        report = new FeedImport(Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC)).run(database,
                List.of(Path.of("../shared/vulndata/distro"), Path.of("src/test/resources/vulndb/lifecycle")), Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            node-release-schedule,   27, 0
            nodejs-dist-index,       23, 0
            distro-info,             65, 0
            debian-security-support, 77, 1
            alpine-releases,          3, 1
            endoflife.date,           3, 0
            """)
    void shouldCountEachSource(String source, int imported, int skipped) {
        assertThat(report.sources()).containsEntry(source, new SourceCounts(imported, skipped));
    }

    @Test
    void shouldSkipBadPartsWithReason() {
        assertThat(report.warnings()).extracting(ImportWarning::toString).containsExactlyInAnyOrder(
                "alpine-releases.json#v3.19: invalid date \"not-a-date\"; branch skipped",
                "../shared/vulndata/distro/debian-security-support/security-support-ended: ../shared/vulndata/distro/"
                        + "debian-security-support/security-support-ended is an ended list without a .debNN suffix, so its"
                        + " Debian release is unknown; rename it to security-support-ended.debNN; file skipped");
    }

    @Test
    void shouldReadNodeSchedule() throws Exception {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            assertThat(db.releaseCycles("nodejs")).filteredOn(cycle -> cycle.cycle().equals("20")).containsExactly(
                    new ReleaseCycle("nodejs", "20", "iron", date("2023-04-18"), date("2023-10-24"), date("2024-10-22"),
                            date("2026-04-30"), null, null, null, "node-release-schedule"));
            assertThat(db.releaseCycles("nodejs")).filteredOn(cycle -> cycle.cycle().equals("0.8")).singleElement()
                    .satisfies(cycle -> assertThat(cycle.endOfLife()).isEqualTo(date("2014-07-31")));
        }
    }

    @Test
    void shouldReadDistroInfo() throws Exception {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            assertThat(db.releaseCycles("debian")).filteredOn(cycle -> cycle.cycle().equals("12")).containsExactly(
                    new ReleaseCycle("debian", "12", "bookworm", date("2023-06-10"), null, null, date("2026-07-11"),
                            date("2028-06-30"), date("2033-06-30"), null, "distro-info"));
            assertThat(db.releaseCycles("ubuntu")).filteredOn(cycle -> cycle.cycle().equals("22.04")).containsExactly(
                    new ReleaseCycle("ubuntu", "22.04", "jammy", date("2022-04-21"), null, null, date("2027-06-01"),
                            date("2032-04-21"), date("2034-04-25"), null, "distro-info"));
            assertThat(db.releaseCycles("debian")).extracting(ReleaseCycle::codename).doesNotContain("sid", "experimental");
        }
    }

    @Test
    void shouldReadVersionsIndex() throws Exception {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            assertThat(db.productReleases("nodejs")).contains(
                    new ProductRelease("nodejs", "20.20.2", date("2026-03-24"), "iron", true, "nodejs-dist-index"),
                    new ProductRelease("nodejs", "26.0.0", date("2026-05-05"), null, false, "nodejs-dist-index"));
        }
    }

    @Test
    void shouldReadSecuritySupportLists() throws Exception {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            List<SecuritySupportLimit> bookworm = db.securitySupportLimits("debian", "12");

            assertThat(bookworm).filteredOn(limit -> limit.packageName().equals("pdns")).containsExactly(
                    new SecuritySupportLimit("debian", "12", "pdns", Kind.ENDED, "4.7.3-2", date("2025-10-01"),
                            "No security support upstream and backports not feasible, only for use on private and trusted network",
                            "debian-security-support"));
            assertThat(bookworm).filteredOn(limit -> limit.packageName().equals("binutils")).singleElement()
                    .satisfies(limit -> {
                        assertThat(limit.kind()).isEqualTo(Kind.LIMITED);
                        assertThat(limit.release()).isNull();
                        assertThat(limit.details()).startsWith("Only suitable for trusted content");
                    });
            assertThat(bookworm).hasSize(32 + 16);
            assertThat(db.securitySupportLimits("debian", "9")).hasSize(32 + 21);
        }
    }

    @Test
    void shouldReadAlpineAndEndOfLifeDate() throws Exception {
        try (VulnDatabase db = VulnDatabase.open(database)) {
            assertThat(db.releaseCycles("alpine")).extracting(ReleaseCycle::cycle, ReleaseCycle::endOfLife, ReleaseCycle::latest)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("3.20", date("2026-04-01"), "3.20.3"),
                            org.assertj.core.groups.Tuple.tuple("3.21", date("2026-11-01"), "3.21.3"),
                            org.assertj.core.groups.Tuple.tuple("3.22", date("2027-05-01"), "3.22.1"));
            assertThat(db.releaseCycles("python")).filteredOn(cycle -> cycle.cycle().equals("3.12")).containsExactly(
                    new ReleaseCycle("python", "3.12", null, date("2023-10-02"), null, date("2025-04-08"), date("2028-10-31"),
                            null, null, "3.12.12", "endoflife.date"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            golang.*, golang-1.19, true
            golang.*, gobgp,       false
            pdns,     pdns,        true
            pdns,     pdns-recursor, false
            """)
    void shouldMatchWrittenPackageName(String written, String sourcePackage, boolean expected) {
        SecuritySupportLimit limit = new SecuritySupportLimit("debian", null, written, Kind.LIMITED, null, null, null, "test");

        assertThat(limit.matches(sourcePackage)).isEqualTo(expected);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
