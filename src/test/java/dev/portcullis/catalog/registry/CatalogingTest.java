package dev.portcullis.catalog.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private static final Path SYFT_COVERAGE = Path.of("../shared/fixtures/peer/syft/pkg-coverage");

    @TempDir
    Path root;

    /** An opened image over folders, as the image reader would hand it over. */
    private record FolderImage(ImageMetadata metadata, FileResolver files, List<Skipped> skipped)
            implements OpenedImage {
        @Override
        public void close() {}
    }

    /** A cataloger that always fails, standing in for a cataloger with a bug. */
    private static final class FailingCataloger implements Cataloger {
        @Override
        public String name() {
            return "failing-cataloger";
        }

        @Override
        public FileRequest request() {
            return FileRequest.none();
        }

        @Override
        public List<Package> catalog(CatalogContext context) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    @Test
    void shouldBuildInventoryFromImage() throws IOException {
        Path layer0 = root.resolve("layer0");
        Path layer1 = root.resolve("layer1");
        write(layer0.resolve("etc/os-release"), "ID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n");
        write(layer0.resolve("lib/apk/db/installed"), "P:musl\nV:1.2.5-r0\nA:x86_64\no:musl\n\n");
        write(layer1.resolve("lib/apk/db/installed"),
                "P:musl\nV:1.2.5-r0\nA:x86_64\no:musl\n\nP:libcrypto3\nV:3.3.2-r0\nA:x86_64\no:openssl\n\nP:broken\n");
        FolderFileResolver files = FolderFileResolver.layers(List.of(layer0, layer1));
        ImageMetadata metadata = new ImageMetadata("demo:latest", SourceKind.OCI_LAYOUT, "sha256:m", "sha256:c",
                List.of("latest"), ImageConfig.empty(), files.layerList());
        Skipped readerSkip = new Skipped("layer 1: /dev/console", "device files are not extracted");
        List<Cataloger> catalogers = new ArrayList<>(CatalogerRegistry.osCatalogers());
        catalogers.add(new FailingCataloger());

        Inventory inventory = new Cataloging(catalogers, Clock.fixed(NOW, ZoneOffset.UTC))
                .run(new FolderImage(metadata, files, List.of(readerSkip)), "0.1.0-test");

        assertThat(inventory.distro()).isEqualTo(new Distro("alpine", "3.20.3", null, "Alpine Linux v3.20"));
        assertThat(inventory.packages()).extracting(Package::name).containsExactly("musl", "libcrypto3");
        assertThat(inventory.packages().get(1).purl())
                .isEqualTo("pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl");
        assertThat(inventory.packages().get(1).layer().index()).isEqualTo(1);
        assertThat(inventory.skipped()).extracting(Skipped::location).containsExactly("layer 1: /dev/console",
                "/lib/apk/db/installed record 3 (P:broken) at line 11", "failing-cataloger");
        assertThat(inventory.skipped().get(2).reason()).contains("broken on purpose");
        assertThat(inventory.image()).isSameAs(metadata);
        assertThat(inventory.scannedAt()).isEqualTo(NOW);
        assertThat(inventory.toolVersion()).isEqualTo("0.1.0-test");
    }

    static Stream<Arguments> syftCoverageRows() throws IOException {
        // syft/pkg-coverage-EXPECTED.tsv: scan_mode, case, pkg_type, name, version, source. The apk rows
        // repeat for image and directory scans with the same values.
        return Files.readAllLines(SYFT_COVERAGE.resolveSibling("pkg-coverage-EXPECTED.tsv")).stream().skip(1)
                .map(line -> line.split("\t", -1))
                .filter(c -> c[2].equals("pkg.ApkPkg") || c[2].equals("pkg.DebPkg") || c[2].equals("pkg.RpmPkg"))
                .map(c -> List.of(c[2], c[3], c[4]))
                .distinct()
                .map(c -> Arguments.of(c.get(0), c.get(1), c.get(2)));
    }

    @ParameterizedTest(name = "syft coverage {0} {1}")
    @MethodSource("syftCoverageRows")
    void shouldFindSyftCoveragePackage(String syftType, String name, String version) {
        Inventory inventory = catalogSyftCoverage();

        PackageType type = switch (syftType) {
            case "pkg.ApkPkg" -> PackageType.APK;
            case "pkg.DebPkg" -> PackageType.DEB;
            default -> PackageType.RPM;
        };
        assertThat(inventory.packages())
                .filteredOn(p -> p.type() == type && p.name().equals(name))
                .extracting(Package::version)
                .containsExactly(version);
    }

    @Test
    void shouldCatalogSyftCoverageAsLayeredImage() {
        Inventory inventory = catalogSyftCoverage();

        assertThat(inventory.distro()).isEqualTo(new Distro("ubuntu", "20.04", "focal", "Ubuntu 20.04 LTS"));
        assertThat(inventory.packages()).extracting(Package::name).containsExactlyInAnyOrder(
                "apt", "dash", "netbase", "libc-utils", "musl-utils", "dive");
        // Layer 1 copies lib/ again with the same apk database, so the packages stay with layer 0.
        assertThat(inventory.packages()).allSatisfy(p -> assertThat(p.layer().index()).isEqualTo(0));
        assertThat(inventory.skipped()).isEmpty();
    }

    /**
     * Catalogs Syft's coverage fixture as its Dockerfile builds it: layer 0 is {@code pkgs/} copied to the
     * root, and layer 1 copies {@code lib/} again. The fixture root serves as layer 1, so /etc/os-release
     * is found where Syft's directory scan finds it.
     */
    private static Inventory catalogSyftCoverage() {
        FolderFileResolver files = FolderFileResolver.layers(List.of(SYFT_COVERAGE.resolve("pkgs"), SYFT_COVERAGE));
        ImageMetadata metadata = new ImageMetadata("pkg-coverage", SourceKind.ROOTFS, null, null, List.of(),
                ImageConfig.empty(), files.layerList());
        return new Cataloging(CatalogerRegistry.osCatalogers(), Clock.fixed(NOW, ZoneOffset.UTC))
                .run(new FolderImage(metadata, files, List.of()), "0.1.0-test");
    }

    @Test
    void shouldRequestFilesOfEveryOsCataloger() {
        FileRequest request = new Cataloging(CatalogerRegistry.osCatalogers()).request();

        assertThat(request.accepts("/etc/os-release")).isTrue();
        assertThat(request.accepts("/usr/lib/os-release")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/status")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/status.d/base-files")).isTrue();
        assertThat(request.accepts("/lib/apk/db/installed")).isTrue();
        assertThat(request.accepts("/var/lib/rpm/Packages")).isTrue();
        assertThat(request.accepts("/usr/lib/sysimage/rpm/rpmdb.sqlite")).isTrue();
        assertThat(request.accepts("/etc/passwd")).isFalse();
        assertThat(request.accepts("/usr/bin/bash")).isFalse();
    }

    @Test
    void shouldListOsCatalogersByName() {
        assertThat(CatalogerRegistry.osCatalogers()).extracting(Cataloger::name)
                .containsExactly("dpkg-db-cataloger", "apk-db-cataloger", "rpm-db-cataloger");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
