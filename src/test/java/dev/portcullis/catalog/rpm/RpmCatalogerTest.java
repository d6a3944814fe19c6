package dev.portcullis.catalog.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogRun;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.SourcePackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RpmCatalogerTest {

    private static final Path PEER = Path.of("../shared/fixtures/peer");
    private static final Distro RHEL9 = new Distro("rhel", "9.4", null, "Red Hat Enterprise Linux 9.4 (Plow)");

    private static final byte[] OPENSSL_LIBS = RpmHeaderBlobs.encode(Map.ofEntries(
            Map.entry(RpmHeader.NAME, "openssl-libs"),
            Map.entry(RpmHeader.EPOCH, new int[] {1}),
            Map.entry(RpmHeader.VERSION, "3.0.7"),
            Map.entry(RpmHeader.RELEASE, "27.el9"),
            Map.entry(RpmHeader.ARCH, "x86_64"),
            Map.entry(RpmHeader.LICENSE, "ASL 2.0"),
            Map.entry(RpmHeader.VENDOR, "Red Hat, Inc."),
            Map.entry(RpmHeader.SOURCERPM, "openssl-3.0.7-27.el9.src.rpm"),
            Map.entry(RpmHeader.DIRNAMES, new String[] {"/usr/lib64/", "/usr/share/licenses/openssl-libs/"}),
            Map.entry(RpmHeader.DIRINDEXES, new int[] {0, 0, 1}),
            Map.entry(RpmHeader.BASENAMES, new String[] {"libcrypto.so.3", "libssl.so.3", "LICENSE.txt"})));
    private static final byte[] BASH = RpmHeaderBlobs.encode(Map.of(
            RpmHeader.NAME, "bash",
            RpmHeader.VERSION, "5.1.8",
            RpmHeader.RELEASE, "9.el9",
            RpmHeader.ARCH, "x86_64",
            RpmHeader.LICENSE, "GPLv3+",
            RpmHeader.SOURCERPM, "bash-5.1.8-9.el9.src.rpm"));
    private static final byte[] GPG_PUBKEY = RpmHeaderBlobs.encode(Map.of(
            RpmHeader.NAME, "gpg-pubkey",
            RpmHeader.VERSION, "fd431d51",
            RpmHeader.RELEASE, "4ae0493b"));

    @TempDir
    Path root;

    static Stream<Arguments> syftRows() throws IOException {
        // syft/redhat/EXPECTED.tsv: test_func, case, fixture, name, version, kind, purl, extra. The rows
        // with a purl state the package as cataloged. Their Files metadata differs only because Syft runs
        // the test with and without a file resolver, and the header itself lists /usr/local/bin/dive.
        return Files.readAllLines(PEER.resolve("syft/redhat/EXPECTED.tsv")).stream().skip(1)
                .map(line -> line.split("\t", -1))
                .filter(c -> !c[6].isEmpty())
                .map(c -> List.of(c[3], c[4], c[6]))
                .distinct()
                .map(c -> Arguments.of(c.get(0), c.get(1), c.get(2)));
    }

    @ParameterizedTest(name = "syft {0} {1}")
    @MethodSource("syftRows")
    void shouldMatchSyftBerkeleyDbPackage(String name, String version, String purl) throws IOException {
        Path database = root.resolve("var/lib/rpm/Packages");
        Files.createDirectories(database.getParent());
        Files.copy(PEER.resolve("syft/redhat/Packages"), database);

        CatalogRun run = CatalogRun.of(new RpmCataloger(), FolderFileResolver.rootFilesystem(root), Distro.UNKNOWN);

        assertThat(run.packages()).hasSize(1);
        Package dive = run.get(name);
        assertThat(dive.version()).isEqualTo(version);
        assertThat(dive.purl()).isEqualTo(purl);
        assertThat(dive.architecture()).isEqualTo("x86_64");
        assertThat(dive.source()).isEqualTo(new SourcePackage("dive", "0.9.2-1"));
        assertThat(dive.files()).containsExactly("/usr/local/bin/dive");
        assertThat(dive.foundBy()).isEqualTo("rpm-db-cataloger");
        assertThat(dive.locations()).containsExactly("/var/lib/rpm/Packages");
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldReadSqliteDatabase() throws IOException, SQLException {
        byte[] truncated = {0, 0, 0, 9};
        writeSqliteDatabase(root.resolve("var/lib/rpm/rpmdb.sqlite"), OPENSSL_LIBS, BASH, GPG_PUBKEY, truncated);

        CatalogRun run = CatalogRun.of(new RpmCataloger(), FolderFileResolver.rootFilesystem(root), RHEL9);

        assertThat(run.packages()).extracting(Package::name).containsExactly("openssl-libs", "bash");
        Package openssl = run.get("openssl-libs");
        assertThat(openssl.version()).isEqualTo("1:3.0.7-27.el9");
        assertThat(openssl.source()).isEqualTo(new SourcePackage("openssl", "1:3.0.7-27.el9"));
        assertThat(openssl.purl()).isEqualTo("pkg:rpm/redhat/openssl-libs@3.0.7-27.el9"
                + "?arch=x86_64&distro=rhel-9.4&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm");
        assertThat(openssl.files()).containsExactly("/usr/lib64/libcrypto.so.3", "/usr/lib64/libssl.so.3",
                "/usr/share/licenses/openssl-libs/LICENSE.txt");
        assertThat(openssl.licenses()).containsExactly("ASL 2.0");
        assertThat(openssl.properties()).containsEntry("vendor", "Red Hat, Inc.");
        assertThat(run.get("bash").version()).isEqualTo("5.1.8-9.el9");
        assertThat(run.get("bash").files()).isEmpty();
        assertThat(run.skipped()).hasSize(1);
        assertThat(run.skipped().getFirst().location()).isEqualTo("/var/lib/rpm/rpmdb.sqlite header 4");
        assertThat(run.skipped().getFirst().reason()).startsWith("malformed rpm header");
    }

    @Test
    void shouldAttributeSqlitePackagesToLayers() throws IOException, SQLException {
        writeSqliteDatabase(root.resolve("layer0/usr/lib/sysimage/rpm/rpmdb.sqlite"), BASH);
        writeSqliteDatabase(root.resolve("layer1/usr/lib/sysimage/rpm/rpmdb.sqlite"), BASH, OPENSSL_LIBS);

        CatalogRun run = CatalogRun.of(new RpmCataloger(),
                FolderFileResolver.layers(List.of(root.resolve("layer0"), root.resolve("layer1"))), RHEL9);

        assertThat(run.get("bash").layer().index()).isEqualTo(0);
        assertThat(run.get("openssl-libs").layer().index()).isEqualTo(1);
        assertThat(run.get("bash").locations()).containsExactly("/usr/lib/sysimage/rpm/rpmdb.sqlite");
    }

    @Test
    void shouldSkipFileThatIsNotBerkeleyDb() throws IOException {
        Path database = root.resolve("var/lib/rpm/Packages");
        Files.createDirectories(database.getParent());
        Files.write(database, new byte[4096]);

        CatalogRun run = CatalogRun.of(new RpmCataloger(), FolderFileResolver.rootFilesystem(root), RHEL9);

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).hasSize(1);
        assertThat(run.skipped().getFirst().location()).isEqualTo("/var/lib/rpm/Packages");
        assertThat(run.skipped().getFirst().reason()).contains("magic number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "openssl-3.0.7-27.el9.src.rpm, null, openssl, 3.0.7-27.el9",
            "openssl-3.0.7-27.el9.src.rpm, 1, openssl, 1:3.0.7-27.el9",
            "python3.11-3.11.7-1.el9.src.rpm, null, python3.11, 3.11.7-1.el9",
            "kernel-uek-5.15.0-200.131.27.el8uek.nosrc.rpm, null, kernel-uek, 5.15.0-200.131.27.el8uek",
            "(none), null, pkg, 1.0-1",
            "null, 2, pkg, 2:1.0-1"})
    void shouldReadSourcePackageFromSourceRpm(String sourceRpm, Integer epoch, String name, String version) {
        RpmEntry entry = new RpmEntry("pkg", "1.0", "1", epoch, "x86_64", sourceRpm, null, null, List.of());

        assertThat(RpmCataloger.source(entry)).isEqualTo(new SourcePackage(name, version));
    }

    private static void writeSqliteDatabase(Path file, byte[]... blobs) throws IOException, SQLException {
        Files.createDirectories(file.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement()
                    .execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
                for (byte[] blob : blobs) {
                    insert.setBytes(1, blob);
                    insert.executeUpdate();
                }
            }
        }
    }
}
