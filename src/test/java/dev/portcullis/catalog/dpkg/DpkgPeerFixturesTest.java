package dev.portcullis.catalog.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.catalog.CatalogRun;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.Txtar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dpkg fixtures of Trivy, Syft and Claircore with the packages those projects' tests expect. */
class DpkgPeerFixturesTest {

    private static final Path PEER = Path.of("../shared/fixtures/peer");
    private static final ObjectMapper JSON = new ObjectMapper();

    // trivy/dpkg/EXPECTED.tsv names cases; these are the txtar bundles they read.
    private static final Map<String, String> TRIVY_BUNDLES = Map.of(
            "valid", "valid.txtar",
            "corrupsed", "corrupsed.txtar",
            "only apt", "only-apt.txtar",
            "happy path with digests", "digest.txtar",
            "md5sums", "md5sums.txtar",
            "third-party package", "third-party.txtar");

    @TempDir
    Path root;

    static Stream<Arguments> trivyCases() throws IOException {
        // trivy/dpkg/EXPECTED.tsv: var, case, file, name, version, src_name, src_version, arch, ..., extra.
        // The extra column's repository class and its digests (from /var/lib/dpkg/available) have no field
        // in Package, so only the installed files in it are compared.
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PEER.resolve("trivy/dpkg/EXPECTED.tsv")).stream().skip(1).toList()) {
            String[] columns = line.split("\t", -1);
            rows.computeIfAbsent(columns[1], key -> new ArrayList<>()).add(columns);
        }
        return rows.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "trivy {0}")
    @MethodSource("trivyCases")
    void shouldMatchTrivyExpectedPackages(String caseName, List<String[]> expectedRows) throws IOException {
        Txtar.extract(PEER.resolve("trivy/dpkg").resolve(TRIVY_BUNDLES.get(caseName)), root);

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), FolderFileResolver.rootFilesystem(root));

        List<String> expected = expectedRows.stream()
                .map(c -> String.join(" ", c[3], c[4], c[5], c[6], c[7]))
                .sorted().toList();
        List<String> actual = run.packages().stream()
                .map(p -> String.join(" ", p.name(), p.version(), p.source().name(), p.source().version(),
                        p.architecture()))
                .sorted().toList();
        assertThat(actual).isEqualTo(expected);
        for (String[] row : expectedRows) {
            JsonNode installedFiles = JSON.readTree(row[10]).path("InstalledFiles");
            if (!installedFiles.isMissingNode()) {
                List<String> files = new ArrayList<>();
                installedFiles.forEach(f -> files.add(f.asText()));
                assertThat(run.get(row[3]).files()).as("files of %s", row[3]).containsExactlyElementsOf(files);
            }
        }
    }

    @Test
    void shouldSkipCorruptTrivyStanzasNamingThem() throws IOException {
        Txtar.extract(PEER.resolve("trivy/dpkg/corrupsed.txtar"), root);

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), FolderFileResolver.rootFilesystem(root));

        assertThat(run.skipped()).hasSize(2);
        assertThat(run.skipped().get(0).location())
                .isEqualTo("/var/lib/dpkg/status stanza 4 (Package: brokenPackageWithNoVersionThatShouldGetThrownOut)"
                        + " at line 63");
        assertThat(run.skipped().get(0).reason()).contains("Version");
        assertThat(run.skipped().get(1).location()).startsWith("/var/lib/dpkg/status stanza 6 (Package: invalidpkg)");
        assertThat(run.skipped().get(1).reason()).contains("\"1:5.#\"");
    }

    static Stream<Arguments> syftCases() throws IOException {
        // syft/debian/EXPECTED.tsv: test_func, case, fixture, name, version, kind, purl, extra. Each package
        // has a metadata-entry row with its metadata, and cataloger tests add a pkg.Package row with its purl.
        Map<String, SyftExpectation> byPackage = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PEER.resolve("syft/debian/EXPECTED.tsv")).stream().skip(1).toList()) {
            String[] c = line.split("\t", -1);
            String key = c[0] + "|" + c[1] + "|" + c[3];
            SyftExpectation current = byPackage.getOrDefault(key,
                    new SyftExpectation(c[0], c[1], c[2], c[3], c[4], "", null));
            if (c[5].equals("pkg.Package")) {
                current = current.withPurl(c[6]);
            } else {
                current = current.withMetadata(JSON.readTree(c[7]));
            }
            byPackage.put(key, current);
        }
        return byPackage.values().stream().map(e -> Arguments.of(e.testName(), e));
    }

    record SyftExpectation(
            String testFunction, String caseName, String fixture, String name, String version, String purl,
            JsonNode metadata) {
        String testName() {
            return testFunction + " " + caseName + " " + name;
        }

        SyftExpectation withPurl(String newPurl) {
            return new SyftExpectation(testFunction, caseName, fixture, name, version, newPurl, metadata);
        }

        SyftExpectation withMetadata(JsonNode newMetadata) {
            return new SyftExpectation(testFunction, caseName, fixture, name, version, purl, newMetadata);
        }
    }

    @ParameterizedTest(name = "syft {0}")
    @MethodSource("syftCases")
    void shouldMatchSyftExpectedPackage(String testName, SyftExpectation expected) {
        Path fixtureRoot;
        String location;
        if (expected.fixture().startsWith("testdata/var/lib/opkg/")) {
            abort("opkg (OpenWrt, Yocto) keeps its own database in /var/lib/opkg; it is not a dpkg database");
            return;
        } else if (expected.testFunction().equals("TestDpkgArchiveCataloger")) {
            abort("reading .deb archives is a separate cataloger, and the fixture holds only its Dockerfile");
            return;
        } else if (expected.fixture().startsWith("testdata/")) {
            fixtureRoot = PEER.resolve("syft/debian");
            location = expected.fixture().substring("testdata".length());
        } else {
            fixtureRoot = PEER.resolve("syft/debian").resolve(expected.caseName());
            location = null;
        }

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), FolderFileResolver.rootFilesystem(fixtureRoot));

        List<Package> matching = run.packages().stream()
                .filter(p -> p.name().equals(expected.name()))
                .filter(p -> location == null || p.locations().getFirst().equals(location))
                .toList();
        assertThat(matching).hasSize(1);
        Package found = matching.getFirst();
        JsonNode metadata = expected.metadata();
        assertThat(found.version()).isEqualTo(expected.version());
        assertThat(found.architecture()).isEqualTo(metadata.path("Architecture").asText());
        assertThat(found.source().name()).isEqualTo(metadata.path("Source").asText(expected.name()));
        List<String> files = new ArrayList<>();
        JsonNode records = metadata.path("Files");
        for (int i = 0; i < records.size(); i += 3) {
            files.add(records.get(i).asText());
        }
        assertThat(found.files()).containsExactlyInAnyOrderElementsOf(files);
        if (!expected.purl().isEmpty()) {
            assertThat(found.purl()).isEqualTo(expected.purl());
        }
    }

    @Test
    void shouldCatalogOnlyWellFormedSyftStanzas() {
        FolderFileResolver files = FolderFileResolver.rootFilesystem(PEER.resolve("syft/debian"));

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), files);

        Map<String, List<String>> byFile = run.packages().stream().collect(Collectors.groupingBy(
                p -> p.locations().getFirst(), Collectors.mapping(Package::name, Collectors.toList())));
        assertThat(byFile.get("/var/lib/dpkg/status.d/multiple")).containsExactly("tzdata", "util-linux");
        assertThat(byFile.get("/var/lib/dpkg/status.d/deinstall")).containsExactly("linux-image-6.14.0-1012-aws");
        assertThat(byFile).doesNotContainKeys("/var/lib/dpkg/status.d/empty", "/var/lib/dpkg/status.d/corrupt");
        assertThat(run.skipped()).extracting(s -> s.location())
                .contains("/var/lib/dpkg/status.d/empty stanza 1 at line 1",
                        "/var/lib/dpkg/status.d/multiple stanza 1 at line 1",
                        "/var/lib/dpkg/status.d/multiple stanza 2 (Package: no-version) at line 3",
                        "/var/lib/dpkg/status.d/corrupt stanza 1 at line 1");
    }

    static Stream<Arguments> claircoreCases() {
        // Claircore's dpkg tests state three facts. The first stanza of the Debian-only file is
        // debian-archive-keyring 2019.1. postgresql-client is built from postgresql-common at 200+deb10u5,
        // a version other than its own. All 357 stanzas of the texlive file are installed packages.
        return Stream.of(
                Arguments.of("debian-only.status", 1, "debian-archive-keyring", "2019.1", "debian-archive-keyring",
                        "2019.1"),
                Arguments.of("postgresql.status", 3, "postgresql-client", "11+200+deb10u5", "postgresql-common",
                        "200+deb10u5"),
                Arguments.of("texlive.status", 357, null, null, null, null));
    }

    @ParameterizedTest(name = "claircore {0}")
    @MethodSource("claircoreCases")
    void shouldMatchClaircoreExpectations(String file, int count, String name, String version, String sourceName,
            String sourceVersion) throws IOException {
        CatalogRun run = catalogStatusFile(PEER.resolve("claircore/dpkg").resolve(file));

        assertThat(run.packages()).hasSize(count);
        assertThat(run.skipped()).isEmpty();
        if (name != null) {
            assertThat(run.get(name).version()).isEqualTo(version);
            assertThat(run.get(name).source().name()).isEqualTo(sourceName);
            assertThat(run.get(name).source().version()).isEqualTo(sourceVersion);
        }
    }

    @Test
    void shouldRejectClaircoreVcpkgStatusFile() throws IOException {
        CatalogRun run = catalogStatusFile(PEER.resolve("claircore/dpkg/vcpkg.status"));

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).hasSize(1);
        assertThat(run.skipped().getFirst().location()).isEqualTo("/var/lib/dpkg/status");
        assertThat(run.skipped().getFirst().reason()).startsWith("not a dpkg status file");
    }

    private CatalogRun catalogStatusFile(Path statusFile) throws IOException {
        Path status = root.resolve("var/lib/dpkg/status");
        Files.createDirectories(status.getParent());
        Files.copy(statusFile, status);
        return CatalogRun.of(new DpkgCataloger(), FolderFileResolver.rootFilesystem(root));
    }
}
