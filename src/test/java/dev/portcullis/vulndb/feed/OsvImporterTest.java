package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.Severity;
import dev.portcullis.vulndb.VersionRange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real GHSA records come from the shared files {@code ../shared/vulndata/ghsa/npm/*.json} and
 * {@code ../shared/vulndata/ghsa/maven/*.json}; the Debian, Alpine, PyPI and Go records are
 * hand-written fixtures in {@code src/test/resources/vulndb/osv}, written from the OSV schema.
 */
class OsvImporterTest {

    private static final Path GHSA = Path.of("../shared/vulndata/ghsa");
    private static final Path FIXTURES = Path.of("src/test/resources/vulndb/osv");

    private final OsvImporter importer = new OsvImporter();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, id, alias, ecosystem, package, first introduced, first fixed, affected entries
        "npm/GHSA-35jh-r3h4-6jhm.json, GHSA-35jh-r3h4-6jhm, CVE-2021-23337, npm, lodash, 0, 4.17.21, 2",
        "npm/GHSA-p6mc-m468-83gw.json, GHSA-p6mc-m468-83gw, CVE-2020-8203, npm, lodash, 3.7.0, 4.17.19, 8",
        "npm/GHSA-rv95-896h-c2vc.json, GHSA-rv95-896h-c2vc, CVE-2024-29041, npm, express, 0, 4.19.2, 2",
        "maven/GHSA-jfh8-c2jp-5v3q.json, GHSA-jfh8-c2jp-5v3q, CVE-2021-44228, maven, org.apache.logging.log4j:log4j-core, 2.13.0, 2.15.0, 3",
        "maven/GHSA-mjmj-j48q-9wg2.json, GHSA-mjmj-j48q-9wg2, CVE-2022-1471, maven, org.yaml:snakeyaml, 0, 2.0, 1",
    })
    void shouldImportRealGhsaRecords(String file, String id, String alias, String ecosystem, String packageName,
            String introduced, String fixed, int entries) throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(GHSA.resolve(file), sink);

        Advisory advisory = sink.advisory(id);
        assertThat(advisory.source()).isEqualTo("ghsa");
        assertThat(advisory.aliases()).contains(alias);
        assertThat(advisory.affected()).hasSize(entries);
        Affected first = advisory.affected().getFirst();
        assertThat(first.ecosystem()).isEqualTo(ecosystem);
        assertThat(first.packageName()).isEqualTo(packageName);
        VersionRange range = first.ranges().getFirst();
        assertThat(range.type()).isEqualTo("ECOSYSTEM");
        assertThat(range.scheme()).isEqualTo(ecosystem);
        assertThat(range.events().getFirst()).isEqualTo(RangeEvent.introduced(introduced));
        assertThat(range.events()).contains(RangeEvent.fixed(fixed));
        assertThat(first.fixedVersions()).contains(fixed);
        assertThat(sink.modes).containsOnly(MergeMode.REPLACE);
        assertThat(sink.skipped).isEmpty();
    }

    @Test
    void shouldKeepSeveritiesAndDatabaseSpecific() throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(GHSA.resolve("maven/GHSA-jfh8-c2jp-5v3q.json"), sink);

        Advisory log4shell = sink.advisory("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.severities()).containsExactly(
                new Severity("ghsa", "CVSS_V3", null, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"),
                new Severity("ghsa", "GHSA", null, "CRITICAL"));
        assertThat(log4shell.published()).isEqualTo(Instant.parse("2021-12-10T00:40:56Z"));
        assertThat(log4shell.modified()).isEqualTo(Instant.parse("2022-03-25T20:56:18Z"));
        assertThat(log4shell.summary()).isEqualTo("Remote code injection in Log4j");
        assertThat(log4shell.databaseSpecific()).contains("\"github_reviewed\":true").contains("CWE-917");
        assertThat(log4shell.references()).hasSizeGreaterThan(10);
        assertThat(log4shell.references().getFirst().type()).isEqualTo("ADVISORY");
        assertThat(log4shell.isWithdrawn()).isFalse();
    }

    @Test
    void shouldMapDebianRecordToReleaseKeys() throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(FIXTURES.resolve("good/DSA-5673-1.json"), sink);

        Advisory dsa = sink.advisory("DSA-5673-1");
        assertThat(dsa.source()).isEqualTo("osv-debian");
        assertThat(dsa.affected()).extracting(Affected::ecosystem).containsExactly("debian:12", "debian:11");
        Affected bookworm = dsa.affected().getFirst();
        assertThat(bookworm.packageName()).isEqualTo("glibc");
        assertThat(bookworm.ranges().getFirst().scheme()).isEqualTo("deb");
        assertThat(bookworm.fixedVersions()).containsExactly("2.36-9+deb12u6");
    }

    @Test
    void shouldMapAlpineBranchToReleaseKey() throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(FIXTURES.resolve("good/ALPINE-CVE-2099-1000.json"), sink);

        Affected musl = sink.advisory("CVE-2099-1000").affected().getFirst();
        assertThat(sink.advisory("CVE-2099-1000").source()).isEqualTo("osv-alpine");
        assertThat(musl.ecosystem()).isEqualTo("alpine:3.20");
        assertThat(musl.ranges().getFirst().scheme()).isEqualTo("apk");
    }

    @Test
    void shouldKeepEventKindsAndSkipGitRanges() throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(FIXTURES.resolve("good/PYSEC-2099-1.json"), sink);

        Advisory advisory = sink.advisory("PYSEC-2099-1");
        Affected parser = advisory.affected().getFirst();
        assertThat(advisory.source()).isEqualTo("osv-pypi");
        assertThat(parser.ecosystem()).isEqualTo("pypi");
        assertThat(parser.ranges()).containsExactly(
                new VersionRange("ECOSYSTEM", "pypi",
                        List.of(RangeEvent.introduced("1.0"), new RangeEvent(RangeEvent.Kind.LAST_AFFECTED, "1.4.2"))),
                new VersionRange("SEMVER", "semver",
                        List.of(RangeEvent.introduced("2.0.0"), new RangeEvent(RangeEvent.Kind.LIMIT, "2.1.0"))));
        assertThat(parser.versions()).containsExactly("1.0", "1.4.2");
        assertThat(parser.fixedVersions()).isEmpty();
        assertThat(parser.ecosystemSpecific()).isEqualTo("{\"affected_functions\":[\"parser.parse\"]}");
        assertThat(parser.databaseSpecific()).isEqualTo("{\"source\":\"fixture\"}");
        assertThat(advisory.severities()).extracting(Severity::type).containsExactly("CVSS_V4");
        assertThat(advisory.aliases()).containsExactly("CVE-2099-2000", "GHSA-aaaa-bbbb-cccc");
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void shouldKeepWithdrawnRecordsMarked() throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(FIXTURES.resolve("good/GO-2099-0001.json"), sink);

        Advisory withdrawn = sink.advisory("GO-2099-0001");
        assertThat(withdrawn.withdrawn()).isEqualTo(Instant.parse("2099-03-02T00:00:00Z"));
        assertThat(withdrawn.affected().getFirst().ecosystem()).isEqualTo("golang");
        assertThat(withdrawn.source()).isEqualTo("osv-go");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "malformed.json, osv, malformed.json, malformed JSON",
        "unknown-ecosystem.json, osv-hackage, unknown-ecosystem.json#EXAMPLE-2099-1, its only affected entry is not usable",
        "no-id.json, osv, no-id.json, record has no \"id\"",
    })
    void shouldSkipBadRecords(String file, String source, String location, String reason) throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(FIXTURES.resolve("bad").resolve(file), sink);

        assertThat(sink.advisories).isEmpty();
        assertThat(sink.skippedSources).containsExactly(source);
        assertThat(sink.skipped).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo(location);
            assertThat(w.reason()).contains(reason);
        });
    }

    @Test
    void shouldWarnAboutUnknownEcosystemEntry() throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(FIXTURES.resolve("bad/unknown-ecosystem.json"), sink);

        assertThat(sink.warnings).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("unknown-ecosystem.json#EXAMPLE-2099-1");
            assertThat(w.reason()).isEqualTo("unknown ecosystem \"Hackage\" for package aeson; entry skipped");
        });
    }

    @Test
    void shouldDropRangeWithoutIntroduced() throws IOException {
        CollectingSink sink = new CollectingSink();

        importer.importFrom(FIXTURES.resolve("bad/no-introduced.json"), sink);

        Advisory advisory = sink.advisory("GHSA-2099-noin-tro1");
        assertThat(advisory.affected()).extracting(Affected::packageName).containsExactly("right-pad");
        assertThat(sink.warnings).extracting(ImportWarning::reason).containsExactly(
                "range has no \"introduced\" event; range skipped",
                "affected entry left-pad has no usable range and no versions; entry skipped");
        assertThat(sink.warnings.getFirst().location()).isEqualTo("no-introduced.json#GHSA-2099-noin-tro1 left-pad");
    }

    @Test
    void shouldImportEveryRecordOfZip(@TempDir Path temp) throws IOException {
        Path zip = temp.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String file : List.of("npm/GHSA-35jh-r3h4-6jhm.json", "maven/GHSA-mjmj-j48q-9wg2.json")) {
                out.putNextEntry(new ZipEntry(Path.of(file).getFileName().toString()));
                out.write(Files.readAllBytes(GHSA.resolve(file)));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("broken.json"));
            out.write("{\"id\": ".getBytes());
            out.closeEntry();
        }
        CollectingSink sink = new CollectingSink();

        importer.importFrom(zip, sink);

        assertThat(sink.advisories).extracting(Advisory::id).containsExactly("GHSA-35jh-r3h4-6jhm", "GHSA-mjmj-j48q-9wg2");
        assertThat(sink.skipped).singleElement().satisfies(w -> assertThat(w.location()).isEqualTo("all.zip!broken.json"));
    }

    @Test
    void shouldRejectCorruptZip(@TempDir Path temp) throws IOException {
        Path zip = temp.resolve("all.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});
        }

        assertThatThrownBy(() -> importer.importFrom(zip, new CollectingSink()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("all.zip is not a readable zip archive");
    }
}
