package dev.portcullis.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.dockerrun.DockerRunParser;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.npm.NpmCatalogers;
import dev.portcullis.catalog.registry.CatalogerRegistry;
import dev.portcullis.catalog.registry.Cataloging;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.fixtures.OciLayoutWriter;
import dev.portcullis.image.fixtures.TarBuilder;
import dev.portcullis.match.Finding;
import dev.portcullis.match.Matcher;
import dev.portcullis.triage.collect.BackportCollector;
import dev.portcullis.triage.collect.DeploymentFacts;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DatabaseBuilder;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.KevEntry;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.Severity;
import dev.portcullis.vulndb.VersionRange;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triages small OCI images written here: a Debian 12 base with linux-libc-dev, a package whose
 * changelog names a backported CVE, a package whose files a later layer deletes, and lodash with a
 * KEV-listed network vulnerability in an image that exposes no port.
 */
class GeneratedImageTriageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String CHANGELOG = """
            foo (1.0-1+deb12u1) bookworm-security; urgency=high

              * Backport upstream fix for CVE-2099-1000 (heap overflow in parse_header).

             -- Jane Maintainer <jane@example.org>  Mon, 02 Mar 2026 10:00:00 +0000

            foo (1.0-1) unstable; urgency=medium

              * Initial release.

             -- Jane Maintainer <jane@example.org>  Mon, 05 Jan 2026 10:00:00 +0000
            """;

    @TempDir
    Path temp;

    private String image;

    @BeforeEach
    void writeImage() throws Exception {
        byte[] base = TarBuilder.tar()
                .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
                .file("var/lib/dpkg/status", status())
                .file("var/lib/dpkg/info/python3.11-minimal.list", "/usr/bin\n/usr/bin/python3.11\n")
                .file("usr/bin/python3.11", "ELF")
                .file("usr/share/doc/libfoo1/changelog.Debian.gz", gzip(CHANGELOG))
                .file("app/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.15\"}")
                .file("app/package.json", "{\"name\":\"app\",\"version\":\"1.0.0\",\"dependencies\":{\"lodash\":\"4.17.15\"}}")
                .gzip();
        byte[] cleanup = TarBuilder.tar().file("usr/bin/.wh.python3.11", new byte[0]).gzip();
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("oci"));
        layout.index(List.of(layout.image(List.of(base, cleanup), null, "generated")));
        image = layout.root() + ":generated";
    }

    private static String status() {
        return """
                Package: linux-libc-dev
                Status: install ok installed
                Architecture: amd64
                Source: linux
                Version: 6.1.129-1

                Package: libfoo1
                Status: install ok installed
                Architecture: amd64
                Source: foo
                Version: 1.0-1+deb12u1

                Package: python3.11-minimal
                Status: install ok installed
                Architecture: amd64
                Version: 3.11.2-6

                """;
    }

    @Test
    void shouldCallKernelHeadersNotAffected() throws Exception {
        TriagedFinding kernel = triage(List.of(debian("CVE-2099-2000", "linux", "unfixed", null))).getFirst();

        assertThat(kernel.finding().pkg().name()).isEqualTo("linux-libc-dev");
        assertThat(kernel.verdict()).isInstanceOfSatisfying(Verdict.NotAffected.class, notAffected ->
                assertThat(notAffected.justification()).isEqualTo(Justification.VULNERABLE_CODE_NOT_PRESENT));
    }

    @Test
    void shouldTrustChangelogOverStaleOpenRecord() throws Exception {
        TriagedFinding foo = triage(List.of(debian("CVE-2099-1000", "foo", "unfixed", null))).getFirst();

        assertThat(foo.verdict().kind()).isEqualTo(VerdictKind.ALREADY_PATCHED);
        assertThat(foo.deciding()).singleElement().satisfies(evidence -> {
            assertThat(evidence.kind()).isEqualTo(EvidenceKind.CHANGELOG);
            assertThat(evidence.details())
                    .containsEntry("entryVersion", "1.0-1+deb12u1")
                    .containsEntry("line", "* Backport upstream fix for CVE-2099-1000 (heap overflow in parse_header).")
                    .containsEntry("lineNumber", "3");
            assertThat(evidence.details().get("layer")).startsWith("sha256:");
        });
    }

    @Test
    void shouldKeepChangelogNonDecidingWhenDataFixesAbove() throws Exception {
        TriagedFinding foo = triage(List.of(debian("CVE-2099-1000", "foo", "fixed", "1.0-1+deb12u2"))).getFirst();

        assertThat(foo.verdict().kind()).isEqualTo(VerdictKind.AFFECTED);
        assertThat(foo.advice()).isEqualTo("upgrade libfoo1 to 1.0-1+deb12u2");
        assertThat(foo.evidence()).filteredOn(evidence -> evidence.kind() == EvidenceKind.CHANGELOG)
                .singleElement().satisfies(evidence -> {
                    assertThat(evidence.decided()).isFalse();
                    assertThat(evidence.details()).containsEntry("entryVersion", "1.0-1+deb12u1");
                    assertThat(evidence.fact()).contains("fixed version 1.0-1+deb12u2 above the installed 1.0-1+deb12u1");
                });
    }

    @Test
    void shouldCallPackageWithDeletedFilesNotPresent() throws Exception {
        TriagedFinding python = triage(List.of(debian("CVE-2099-4000", "python3.11-minimal", "unfixed", null)))
                .getFirst();

        assertThat(python.verdict()).isInstanceOfSatisfying(Verdict.NotAffected.class, notAffected ->
                assertThat(notAffected.justification()).isEqualTo(Justification.COMPONENT_NOT_PRESENT));
        assertThat(python.deciding()).singleElement().satisfies(evidence ->
                assertThat(evidence.details()).containsEntry("examples", "/usr/bin/python3.11"));
    }

    @Test
    void shouldKeepKevFindingHighWithoutPublishedPorts() throws Exception {
        Advisory lodash = new Advisory("GHSA-35jh-r3h4-6jhm", "ghsa", List.of("CVE-2021-23337"), "Command injection",
                null, null, null, null,
                List.of(new Severity("ghsa", "CVSS_V3", 7.2, "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H")),
                List.of(), List.of(new Affected("npm", "lodash", List.of(new VersionRange("ECOSYSTEM", "npm",
                        List.of(RangeEvent.introduced("0"), RangeEvent.fixed("4.17.21")))), List.of(), null, null,
                        List.of("4.17.21"), null, null, null)), null);
        KevEntry kev = new KevEntry("CVE-2021-23337", "lodash", "lodash", "lodash command injection", "test entry",
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 5), "Unknown", "Apply updates.", "", List.of());

        TriagedFinding finding = triage(List.of(lodash), List.of(kev), "docker run --user 1000 demo").getFirst();

        assertThat(finding.verdict().kind()).isEqualTo(VerdictKind.AFFECTED);
        assertThat(finding.risk().level().atLeast(RiskLevel.HIGH)).isTrue();
        assertThat(finding.evidence()).anySatisfy(evidence -> {
            assertThat(evidence.kind()).isEqualTo(EvidenceKind.CVSS);
            assertThat(evidence.decided()).isFalse();
            assertThat(evidence.fact()).contains("publishes no port").contains("not applied").contains("KEV");
        });
    }

    @Test
    void shouldLowerSameFindingWithoutKevByContext() throws Exception {
        Advisory lodash = new Advisory("GHSA-35jh-r3h4-6jhm", "ghsa", List.of("CVE-2021-23337"), "Command injection",
                null, null, null, null,
                List.of(new Severity("ghsa", "CVSS_V3", 7.2, "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H")),
                List.of(), List.of(new Affected("npm", "lodash", List.of(new VersionRange("ECOSYSTEM", "npm",
                        List.of(RangeEvent.introduced("0"), RangeEvent.fixed("4.17.21")))), List.of(), null, null,
                        List.of("4.17.21"), null, null, null)), null);

        TriagedFinding finding = triage(List.of(lodash), List.of(), "docker run --user 1000 demo").getFirst();

        assertThat(finding.verdict()).isEqualTo(new Verdict.LowRisk(false,
                "the exploit needs network access (AV:N) and the docker run command publishes no port"));
        assertThat(finding.risk().level()).isEqualTo(RiskLevel.MEDIUM);
    }

    private List<TriagedFinding> triage(List<Advisory> advisories) throws Exception {
        return triage(advisories, List.of(), null);
    }

    /** Triages the generated image's findings, run by the docker run command when one is given. */
    private List<TriagedFinding> triage(List<Advisory> advisories, List<KevEntry> kev, String dockerRun)
            throws Exception {
        Path file = temp.resolve("vuln-" + System.nanoTime() + ".db");
        new DatabaseBuilder(CLOCK).update(file, writer -> {
            for (Advisory advisory : advisories) {
                writer.putAdvisory(advisory, MergeMode.MERGE_AFFECTED);
            }
            for (KevEntry entry : kev) {
                writer.putKev(entry);
            }
            return null;
        });
        List<Cataloger> catalogers = new ArrayList<>(CatalogerRegistry.osCatalogers());
        catalogers.addAll(NpmCatalogers.forImage());
        Cataloging cataloging = new Cataloging(catalogers, CLOCK);
        try (VulnDatabase database = VulnDatabase.open(file);
                OpenedImage opened = new ImageOpener(ImageOptions.defaults())
                        .open(image, cataloging.request().or(BackportCollector.FILES))) {
            Inventory inventory = cataloging.run(opened, "test");
            List<Finding> findings = new Matcher(database).match(inventory).findings();
            DeploymentFacts deployment = dockerRun == null ? null : DeploymentFacts.of("docker run command",
                    new DockerRunParser().parse(dockerRun, SourceLocation.of("test")).container(),
                    opened.metadata().config());
            TriageContext context = new TriageContext(opened.metadata(), inventory.distro(), opened.files(),
                    database::byId, null, deployment);
            return Triage.standard(RiskModel.defaults(), List.of(), LocalDate.of(2026, 12, 1))
                    .triage(findings, context).findings();
        }
    }

    private static Advisory debian(String id, String source, String state, String fixed) {
        DistroStatus status = new DistroStatus(state, fixed, null, null, null, null);
        Affected affected = new Affected("debian:12", source, List.of(), List.of(), null, null,
                fixed == null ? List.of() : List.of(fixed), status, null, null);
        return new Advisory(id, "debian-tracker", List.of(), null, null, null, null, null, List.of(), List.of(),
                List.of(affected), null);
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
