package dev.portcullis.catalog.apk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.catalog.CatalogRun;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApkCatalogerTest {

    private static final Path PEER = Path.of("../shared/fixtures/peer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Distro ALPINE = new Distro("alpine", "3.17.0", null, "Alpine Linux v3.17");

    @TempDir
    Path root;

    static Stream<Arguments> trivyRows() throws IOException {
        // trivy/apk/EXPECTED.tsv: var, case, file, name, version, src_name, src_version, arch, ..., extra
        return Files.readAllLines(PEER.resolve("trivy/apk/EXPECTED.tsv")).stream().skip(1)
                .map(line -> line.split("\t", -1))
                .map(c -> Arguments.of(c[3], c[4], c[5], c[6], c[7], c[10]));
    }

    @ParameterizedTest(name = "trivy {0}")
    @MethodSource("trivyRows")
    void shouldMatchTrivyExpectedPackage(String name, String version, String sourceName, String sourceVersion,
            String architecture, String extra) throws IOException {
        CatalogRun run = catalogDatabase(PEER.resolve("trivy/apk/lib-apk-db-installed"), ALPINE);

        Package found = run.get(name);
        assertThat(found.version()).isEqualTo(version);
        assertThat(found.source().name()).isEqualTo(sourceName);
        assertThat(found.source().version()).isEqualTo(sourceVersion);
        assertThat(found.architecture()).isEqualTo(architecture);
        // Trivy writes paths relative to the root; ours are absolute. Trivy also rewrites licences into
        // SPDX ids (GPL2 -> GPL-2.0-only), while Package keeps them as declared, so they are not compared.
        List<String> files = new ArrayList<>();
        JSON.readTree(extra).path("InstalledFiles").forEach(f -> files.add("/" + f.asText()));
        assertThat(found.files()).containsExactlyElementsOf(files);
    }

    @Test
    void shouldCatalogWholeTrivyDatabase() throws IOException {
        CatalogRun run = catalogDatabase(PEER.resolve("trivy/apk/lib-apk-db-installed"), ALPINE);

        assertThat(run.packages()).hasSize(15);
        assertThat(run.skipped()).extracting(s -> s.location())
                .containsExactly("/lib/apk/db/installed record 2 (P:invalidPackageWithoutAVersion) at line 23");
        assertThat(run.get("musl-utils").licenses()).containsExactly("MIT BSD GPL2+");
        assertThat(run.get("libssl1.0").purl())
                .isEqualTo("pkg:apk/alpine/libssl1.0@1.0.2h-r1?arch=x86_64&distro=alpine-3.17.0&upstream=openssl");
        assertThat(run.get("musl").purl()).isEqualTo("pkg:apk/alpine/musl@1.1.14-r10?arch=x86_64&distro=alpine-3.17.0");
        assertThat(run.get("musl").foundBy()).isEqualTo("apk-db-cataloger");
    }

    static Stream<Arguments> syftRows() throws IOException {
        // syft/alpine/EXPECTED.tsv: test_func, case, fixture, name, version, kind, purl, extra. Rows without
        // a fixture belong to the cataloger test, which reads multiple-1.
        return Files.readAllLines(PEER.resolve("syft/alpine/EXPECTED.tsv")).stream().skip(1)
                .map(line -> line.split("\t", -1))
                .filter(c -> c[5].startsWith("metadata-entry"))
                .map(c -> Arguments.of(c[2].isEmpty() ? "multiple-1/lib/apk/db/installed"
                        : c[2].substring("testdata/".length()), c[3], c[4], c[7]));
    }

    @ParameterizedTest(name = "syft {0} {1}")
    @MethodSource("syftRows")
    void shouldMatchSyftExpectedPackage(String fixture, String name, String version, String metadataJson)
            throws IOException {
        CatalogRun run = catalogDatabase(PEER.resolve("syft/alpine").resolve(fixture), Distro.UNKNOWN);

        JsonNode metadata = JSON.readTree(metadataJson);
        Package found = run.get(name);
        assertThat(found.version()).isEqualTo(version);
        assertThat(found.architecture()).isEqualTo(metadata.path("Architecture").asText());
        assertThat(found.source().name()).isEqualTo(metadata.path("OriginPackage").asText());
        assertThat(found.properties().get("maintainer")).isEqualTo(metadata.path("Maintainer").asText());
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldSkipCorruptRecordAndKeepTheRest() throws IOException {
        CatalogRun run = catalogDatabase(PEER.resolve("syft/alpine/corrupt/lib/apk/db/installed"), Distro.UNKNOWN);

        assertThat(run.packages()).extracting(Package::name).containsExactly("alpine-baselayout-data");
        assertThat(run.skipped()).hasSize(1);
        assertThat(run.skipped().getFirst().location()).isEqualTo("/lib/apk/db/installed record 1 at line 1");
        assertThat(run.skipped().getFirst().reason()).contains("line 1 is not a \"X:value\" field line");
    }

    @Test
    void shouldAttributePackagesToAddingLayer() throws IOException {
        String musl = "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n\n";
        String curl = "P:curl\nV:8.5.0-r0\nA:x86_64\no:curl\nF:usr/bin\nR:curl\n\n";
        List<Path> layers = List.of(writeLayer("layer0", musl), writeLayer("layer1", musl + curl));

        CatalogRun run = CatalogRun.of(new ApkCataloger(), FolderFileResolver.layers(layers), ALPINE);

        assertThat(run.get("musl").layer().index()).isEqualTo(0);
        assertThat(run.get("curl").layer().index()).isEqualTo(1);
        assertThat(run.get("curl").files()).containsExactly("/usr/bin/curl");
    }

    private Path writeLayer(String name, String installed) throws IOException {
        Path file = root.resolve(name).resolve("lib/apk/db/installed");
        Files.createDirectories(file.getParent());
        Files.writeString(file, installed);
        return root.resolve(name);
    }

    private CatalogRun catalogDatabase(Path database, Distro distro) throws IOException {
        Path target = root.resolve("lib/apk/db/installed");
        Files.createDirectories(target.getParent());
        Files.copy(database, target);
        return CatalogRun.of(new ApkCataloger(), FolderFileResolver.rootFilesystem(root), distro);
    }
}
