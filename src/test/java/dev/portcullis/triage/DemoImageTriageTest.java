package dev.portcullis.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.PackageType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triages the shared demo image ({@code ../shared/fixtures/images/demo-nest-api/oci}) against the
 * sample data in {@code ../shared/vulndata}, as {@link DemoTriage} sets them up.
 */
class DemoImageTriageTest {

    @TempDir
    static Path temp;

    private static TriageResult result;
    private static List<TriagedFinding> toolingJudged;

    @BeforeAll
    static void scanMatchAndTriage() throws Exception {
        DemoTriage.Run run = DemoTriage.run(temp, List.of());
        result = run.result();
        toolingJudged = run.tooling();
    }

    @Test
    void shouldGiveEveryFindingVerdictAndEvidence() {
        assertThat(result.findings()).isNotEmpty();
        assertThat(result.findings()).allSatisfy(triaged -> {
            assertThat(triaged.verdict()).isNotNull();
            assertThat(triaged.evidence()).isNotEmpty();
            assertThat(triaged.deciding()).isNotEmpty();
        });
    }

    @Test
    void shouldNotCallUnimportantOrNoDsaAffected() {
        List<TriagedFinding> debian = result.findings().stream()
                .filter(t -> t.finding().pkg().type() == PackageType.DEB)
                .filter(t -> t.finding().statusWords().contains("unimportant")
                        || t.finding().statusWords().contains("no-dsa"))
                .toList();

        assertThat(debian).hasSize(11);
        assertThat(debian).noneMatch(t -> t.verdict().kind() == VerdictKind.AFFECTED);
    }

    @Test
    void shouldQuoteDebianReasonForUnimportant() {
        TriagedFinding apt = find("apt", "CVE-2011-3374");

        assertThat(apt.verdict()).isEqualTo(new Verdict.LowRisk(true,
                "the distro rates it unimportant: \"Not exploitable in Debian, since no keyring URI is defined\""));
        assertThat(apt.risk().level()).isEqualTo(RiskLevel.MINIMAL);
    }

    @Test
    void shouldCallNoDsaMinorPerSecurityTeam() {
        TriagedFinding ncurses = find("libtinfo6", "CVE-2023-50495");

        assertThat(ncurses.verdict()).isInstanceOfSatisfying(Verdict.UpstreamPending.class,
                pending -> assertThat(pending.pending()).isEqualTo(PendingReason.MINOR_PER_SECURITY_TEAM));
        assertThat(ncurses.deciding()).extracting(Evidence::kind).containsExactly(EvidenceKind.DISTRO_STATUS);
    }

    @Test
    void shouldProveKevFindingPatchedByChangelog() {
        // The sample tracker record has no bookworm line for glibc, but the image's changelog names the fix.
        TriagedFinding looneyTunables = find("libc6", "CVE-2023-4911");

        assertThat(looneyTunables.verdict().kind()).isEqualTo(VerdictKind.ALREADY_PATCHED);
        assertThat(looneyTunables.deciding()).singleElement().satisfies(evidence -> {
            assertThat(evidence.kind()).isEqualTo(EvidenceKind.CHANGELOG);
            assertThat(evidence.details()).containsEntry("entryVersion", "2.36-9+deb12u5")
                    .containsEntry("path", "/usr/share/doc/libc6/changelog.Debian.gz");
        });
        assertThat(looneyTunables.evidence()).extracting(Evidence::kind).contains(EvidenceKind.KEV);
    }

    @Test
    void shouldCallReleaseWithoutLinePendingWhenUnstableFixed() {
        TriagedFinding zlib = find("zlib1g", "CVE-2023-45853");

        assertThat(zlib.verdict()).isEqualTo(new Verdict.UpstreamPending(PendingReason.NO_FIX_RELEASED,
                "no fix released for debian:12; unstable is fixed in 1:1.3.dfsg-2"));
    }

    @Test
    void shouldCallBothLodashFindingsAffectedWithOwnFixes() {
        List<TriagedFinding> lodash = result.findings().stream()
                .filter(t -> t.finding().pkg().name().equals("lodash") && t.finding().pkg().version().equals("4.17.15"))
                .toList();

        assertThat(lodash).hasSize(2);
        assertThat(lodash).allSatisfy(t -> {
            assertThat(t.verdict().kind()).isEqualTo(VerdictKind.AFFECTED);
            assertThat(t.advice()).isEqualTo("upgrade lodash to 4.17.21");
        });
        assertThat(lodash).extracting(t -> t.finding().fixedVersions())
                .containsExactlyInAnyOrder(List.of("4.17.19"), List.of("4.17.21"));
    }

    @Test
    void shouldJudgeNpmBundleAsToolingWithEntrypoint() {
        assertThat(toolingJudged).hasSizeGreaterThan(100);
        assertThat(toolingJudged).allSatisfy(t -> {
            assertThat(t.verdict()).isInstanceOfSatisfying(Verdict.NotAffected.class, notAffected ->
                    assertThat(notAffected.justification()).isEqualTo(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH));
            assertThat(t.deciding()).singleElement().satisfies(evidence -> {
                assertThat(evidence.kind()).isEqualTo(EvidenceKind.IMAGE_CONFIG);
                assertThat(evidence.details()).containsEntry("entrypoint", "[/usr/bin/dumb-init, --]")
                        .containsEntry("cmd", "[node, dist/main.js]");
            });
        });
    }

    @Test
    void shouldRecordChangelogEvidenceForDebianFindings() {
        TriagedFinding libc = find("libc6", "CVE-2025-0395");

        TriagedFinding apt = find("apt", "CVE-2011-3374");

        assertThat(libc.verdict().kind()).isEqualTo(VerdictKind.ALREADY_PATCHED);
        assertThat(libc.deciding()).singleElement().satisfies(evidence ->
                assertThat(evidence.details()).containsEntry("entryVersion", "2.36-9+deb12u10"));
        // The minbase image keeps no changelog for apt: the evidence records that instead of assuming.
        assertThat(apt.evidence()).anySatisfy(evidence -> {
            assertThat(evidence.kind()).isEqualTo(EvidenceKind.ABSENT);
            assertThat(evidence.fact()).contains("/usr/share/doc/apt/changelog.Debian.gz");
        });
    }

    private static TriagedFinding find(String pkg, String id) {
        return result.findings().stream()
                .filter(t -> t.finding().pkg().name().equals(pkg) && t.finding().id().equals(id))
                .findFirst().orElseThrow();
    }
}
