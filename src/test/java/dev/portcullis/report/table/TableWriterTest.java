package dev.portcullis.report.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.sbom.SampleInventories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableWriterTest {

    @Test
    void shouldWriteDebianImageTable() throws IOException {
        String expected = """
                Image: oci:images/shop-api:1.4   Distro: Debian GNU/Linux 12 (bookworm)   Packages: 5

                NAME     VERSION           TYPE  SOURCE   LAYER
                libc6    2.36-9+deb12u10   deb   glibc    #0 a2318d6c47ec
                libssl3  3.0.17-1~deb12u2  deb   openssl  #0 a2318d6c47ec
                express  4.17.1            npm   -        -
                lodash   4.17.15           npm   -        #1 e4fd2a1c8b0d
                lodash   4.17.15           npm   -        #1 e4fd2a1c8b0d

                Skipped (1):
                  /app/node_modules/broken/package.json: invalid JSON at line 3: unexpected end of input; the package was left out
                """;

        assertThat(write(new TableWriter(), SampleInventories.debianImage())).isEqualTo(expected);
    }

    @Test
    void shouldWriteRootfsTableWithoutSkippedSection() throws IOException {
        String expected = """
                Image: dir:/srv/rootfs   Distro: unknown   Packages: 1

                NAME      VERSION  TYPE  SOURCE  LAYER
                left-pad  1.3.0    npm   -       -
                """;

        assertThat(write(new TableWriter(), SampleInventories.rootfsFolder())).isEqualTo(expected);
    }

    @Test
    void shouldTruncateLongValuesWithEllipsis() throws IOException {
        Inventory inventory = withPackages(List.of(new Package(PackageType.DEB, "libgnutls-openssl27", "3.7.9-2+deb12u4",
                "amd64", new SourcePackage("gnutls28", "3.7.9-2+deb12u4"), null, "dpkg-db-cataloger",
                List.of("/var/lib/dpkg/status"), List.of(), SampleInventories.BASE_LAYER, List.of(), Map.of())));
        String expected = """
                Image: oci:images/shop-api:1.4   Distro: Debian GNU/Linux 12 (bookworm)   Packages: 1

                NAME        VERSION     TYPE  SOURCE    LAYER
                libgnutls…  3.7.9-2+d…  deb   gnutls28  #0 a2318d…
                """;

        assertThat(write(new TableWriter(10), inventory)).isEqualTo(expected);
    }

    @Test
    void shouldShowSourceVersionOnlyWhenItDiffers() throws IOException {
        Inventory inventory = withPackages(List.of(new Package(PackageType.DEB, "libpython3.11", "3.11.2-6+b1",
                "amd64", new SourcePackage("python3.11", "3.11.2-6"), null, "dpkg-db-cataloger",
                List.of("/var/lib/dpkg/status"), List.of(), null, List.of(), Map.of())));

        assertThat(write(new TableWriter(), inventory)).contains(
                "libpython3.11  3.11.2-6+b1  deb   python3.11 3.11.2-6  -\n");
    }

    @Test
    void shouldSayWhenNoPackagesFound() throws IOException {
        String table = write(new TableWriter(), withPackages(List.of()));

        assertThat(table).isEqualTo("""
                Image: oci:images/shop-api:1.4   Distro: Debian GNU/Linux 12 (bookworm)   Packages: 0

                No packages found.
                """);
    }

    @Test
    void shouldNameDistroByIdWithoutPrettyName() throws IOException {
        Inventory sample = withPackages(List.of());
        Inventory inventory = new Inventory(sample.image(), new Distro("alpine", "3.20.3", null, null), List.of(),
                List.of(), sample.scannedAt(), sample.toolVersion());

        assertThat(write(new TableWriter(), inventory)).startsWith(
                "Image: oci:images/shop-api:1.4   Distro: alpine 3.20.3   Packages: 0\n");
    }

    @ParameterizedTest(name = "maxWidth {0}")
    @ValueSource(ints = {-1, 0, 1})
    void shouldRejectMaxWidthBelowTwo(int maxWidth) {
        assertThatThrownBy(() -> new TableWriter(maxWidth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWidth must be at least 2, got " + maxWidth);
    }

    private static Inventory withPackages(List<Package> packages) {
        Inventory sample = SampleInventories.debianImage();
        return new Inventory(sample.image(), sample.distro(), packages, List.of(), sample.scannedAt(),
                sample.toolVersion());
    }

    private static String write(TableWriter writer, Inventory inventory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(inventory, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
