package dev.portcullis.catalog.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogRun;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.OciLayoutLayers;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.os.DistroDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpkgCatalogerTest {

    // The demo image: Debian 12 minbase in layer 0, ca-certificates and dumb-init (with the libssl3 and
    // openssl they pull in) in layer 1, the app in layer 2.
    private static final Path DEMO = Path.of("../shared/fixtures/images/demo-nest-api");

    private static FolderFileResolver demoFiles;
    private static CatalogRun demo;

    @BeforeAll
    static void catalogDemoImage(@TempDir Path target) throws IOException {
        List<Path> layers = OciLayoutLayers.extract(DEMO.resolve("oci"), "demo-nest-api",
                Set.of("/var/lib/dpkg/status", "/etc/os-release", "/usr/lib/os-release"), target);
        demoFiles = FolderFileResolver.layers(layers);
        demo = CatalogRun.of(new DpkgCataloger(), demoFiles);
    }

    @Test
    void shouldDetectDemoImageDistro() {
        // Layer 0 holds /usr/lib/os-release; /etc/os-release is a link to it, which the helper leaves out.
        Distro distro = new DistroDetector().detect(demoFiles);

        assertThat(distro).isEqualTo(new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"));
    }

    @Test
    void shouldMatchDpkgQueryOnDemoImage() throws IOException {
        // expected-dpkg.tsv: package, source, source version, version, architecture from dpkg-query.
        Set<String> expected = Files.readAllLines(DEMO.resolve("expected-dpkg.tsv")).stream()
                .filter(line -> !line.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> actual = demo.packages().stream()
                .map(p -> String.join("\t", p.name(), p.source().name(), p.source().version(), p.version(),
                        p.architecture()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(expected).hasSize(92);
        assertThat(demo.packages()).hasSize(92);
        assertThat(actual).isEqualTo(expected);
        assertThat(demo.skipped()).isEmpty();
    }

    @Test
    void shouldAttributeDemoPackagesToLayers() {
        Map<Integer, List<String>> byLayer = demo.packages().stream()
                .collect(Collectors.groupingBy(p -> p.layer().index(),
                        Collectors.mapping(Package::name, Collectors.toList())));

        assertThat(byLayer.keySet()).containsExactlyInAnyOrder(0, 1);
        assertThat(byLayer.get(0)).hasSize(88);
        assertThat(byLayer.get(1)).containsExactlyInAnyOrder("ca-certificates", "dumb-init", "libssl3", "openssl");
        assertThat(demo.get("libc6").layer().digest()).isEqualTo("sha256:layer0");
    }

    @Test
    void shouldDescribeDemoPackage() {
        Package bsdutils = demo.get("bsdutils");

        assertThat(bsdutils.type()).isEqualTo(PackageType.DEB);
        assertThat(bsdutils.foundBy()).isEqualTo("dpkg-db-cataloger");
        assertThat(bsdutils.version()).isEqualTo("1:2.38.1-5+deb12u3");
        assertThat(bsdutils.source().name()).isEqualTo("util-linux");
        assertThat(bsdutils.source().version()).isEqualTo("2.38.1-5+deb12u3");
        assertThat(bsdutils.locations()).containsExactly("/var/lib/dpkg/status");
        assertThat(bsdutils.purl()).isEqualTo("pkg:deb/debian/bsdutils@1%3A2.38.1-5%2Bdeb12u3"
                + "?arch=amd64&distro=debian-12&upstream=util-linux%402.38.1-5%2Bdeb12u3");
        assertThat(bsdutils.properties()).containsEntry("status", "install ok installed");
    }

    @Test
    void shouldOmitUpstreamForOwnSource() {
        Package baseFiles = demo.get("base-files");

        assertThat(baseFiles.purl()).isEqualTo("pkg:deb/debian/base-files@12.4%2Bdeb12u15?arch=amd64&distro=debian-12");
    }

    @Test
    void shouldAttributePackageReinstalledLaterToLaterLayer(@TempDir Path root) throws IOException {
        String libc = stanza("libc6", "2.36-9", "install ok installed");
        String tzdata = stanza("tzdata", "2024a-0", "install ok installed");
        String tzdataRemoved = stanza("tzdata", "2024a-0", "deinstall ok config-files");
        List<Path> layers = layers(root, libc + tzdata, libc + tzdataRemoved, libc + tzdata);

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), FolderFileResolver.layers(layers), Distro.UNKNOWN);

        assertThat(run.get("libc6").layer().index()).isEqualTo(0);
        assertThat(run.get("tzdata").layer().index()).isEqualTo(2);
        assertThat(run.get("libc6").purl()).isEqualTo("pkg:deb/libc6@2.36-9?arch=amd64");
    }

    @Test
    void shouldAttributeUpgradeToUpgradingLayer(@TempDir Path root) throws IOException {
        List<Path> layers = layers(root, stanza("libssl3", "3.0.14-1", "install ok installed"),
                stanza("libssl3", "3.0.15-1", "install ok installed"));

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), FolderFileResolver.layers(layers), Distro.UNKNOWN);

        assertThat(run.get("libssl3").version()).isEqualTo("3.0.15-1");
        assertThat(run.get("libssl3").layer().index()).isEqualTo(1);
    }

    @Test
    void shouldReadOwnedFilesOfMultiArchPackage(@TempDir Path root) throws IOException {
        Path status = root.resolve("var/lib/dpkg/status");
        Files.createDirectories(status.resolveSibling("info"));
        Files.writeString(status, """
                Package: zlib1g
                Status: install ok installed
                Architecture: amd64
                Multi-Arch: same
                Source: zlib
                Version: 1:1.2.13.dfsg-1
                """);
        Files.writeString(status.resolveSibling("info/zlib1g:amd64.list"),
                "/.\n/usr\n/usr/lib/x86_64-linux-gnu/libz.so.1.2.13\n");

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), FolderFileResolver.rootFilesystem(root), Distro.UNKNOWN);

        Package zlib = run.get("zlib1g");
        assertThat(zlib.files()).containsExactly("/usr", "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13");
        assertThat(zlib.locations()).containsExactly("/var/lib/dpkg/status", "/var/lib/dpkg/info/zlib1g:amd64.list");
        assertThat(zlib.source().version()).isEqualTo("1:1.2.13.dfsg-1");
        assertThat(zlib.properties()).containsEntry("multiArch", "same");
        assertThat(zlib.layer()).isNull();
    }

    @Test
    void shouldReadStatusDirectoryStanzaFilesOnly(@TempDir Path root) throws IOException {
        Path folder = root.resolve("var/lib/dpkg/status.d");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("libssl3"), """
                Package: libssl3
                Architecture: amd64
                Source: openssl
                Version: 3.0.15-1~deb12u1
                """);
        Files.writeString(folder.resolve("libssl3.md5sums"), "0123  usr/lib/x86_64-linux-gnu/libssl.so.3\n");
        Files.writeString(folder.resolve("libssl3.preinst"), "#!/bin/sh\nset -e\n");

        CatalogRun run = CatalogRun.of(new DpkgCataloger(), FolderFileResolver.rootFilesystem(root), Distro.UNKNOWN);

        assertThat(run.packages()).extracting(Package::name).containsExactly("libssl3");
        assertThat(run.get("libssl3").files()).containsExactly("/usr/lib/x86_64-linux-gnu/libssl.so.3");
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldRequestDatabaseFiles() {
        var request = new DpkgCataloger().request();

        assertThat(request.accepts("/var/lib/dpkg/status")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/status.d/libc6")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/info/libc6:amd64.list")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/info/libc6.md5sums")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/info/libc6.postinst")).isFalse();
        assertThat(request.accepts("/var/lib/dpkg/status-old")).isFalse();
    }

    private static String stanza(String name, String version, String status) {
        return "Package: " + name + "\nStatus: " + status + "\nArchitecture: amd64\nVersion: " + version + "\n\n";
    }

    private static List<Path> layers(Path root, String... statusFiles) throws IOException {
        return java.util.stream.IntStream.range(0, statusFiles.length).mapToObj(i -> {
            Path status = root.resolve("layer" + i).resolve("var/lib/dpkg/status");
            try {
                Files.createDirectories(status.getParent());
                Files.writeString(status, statusFiles[i]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return root.resolve("layer" + i);
        }).toList();
    }

}
