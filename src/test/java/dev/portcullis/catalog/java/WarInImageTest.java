package dev.portcullis.catalog.java;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.registry.Cataloging;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.fixtures.OciLayoutWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a two-layer OCI image whose second layer adds a war to a Tomcat webapps folder, and catalogs
 * it. The war's {@code WEB-INF/lib} contains the real jars log4j-core-2.14.1.jar, log4j-api-2.14.1.jar and
 * spring-beans-5.3.17.jar from {@code ../shared/fixtures/manifests/maven/jars}.
 */
class WarInImageTest {

    private static final Path JARS = Path.of("../shared/fixtures/manifests/maven/jars");
    private static final String WAR = "/usr/local/tomcat/webapps/shop-1.4.2.war";
    private static final List<String> LIBRARIES =
            List.of("log4j-core-2.14.1.jar", "log4j-api-2.14.1.jar", "spring-beans-5.3.17.jar");

    @TempDir
    static Path temp;

    private static byte[] appLayer;
    private static Inventory inventory;

    @BeforeAll
    static void buildAndCatalogImage() throws IOException, ImageException {
        byte[] baseLayer = tar().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n").gzip();
        appLayer = tar().file(WAR.substring(1), war()).gzip();
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("layout"));
        layout.index(List.of(layout.image(List.of(baseLayer, appLayer), null, "shop")));

        Cataloging cataloging = new Cataloging(List.of(new JavaArchiveCataloger()));
        ImageOptions options = new ImageOptions(null, ImageOptions.DEFAULT_MAX_IN_MEMORY, temp, ReadProgress.NONE);
        FileRequest request = cataloging.request();
        try (OpenedImage image = new ImageOpener(options).open("oci:" + layout.root() + ":shop", request)) {
            inventory = cataloging.run(image, "test");
        }
    }

    @Test
    void shouldFindLibrariesWithPathChains() {
        Map<String, String> coordinatesByChain = inventory.packages().stream()
                .collect(Collectors.toMap(p -> p.locations().getFirst(), Package::purl));

        assertThat(coordinatesByChain).containsExactlyInAnyOrderEntriesOf(Map.of(
                WAR, "pkg:maven/com.example/shop@1.4.2",
                WAR + "!/WEB-INF/lib/log4j-core-2.14.1.jar", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                WAR + "!/WEB-INF/lib/log4j-api-2.14.1.jar", "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1",
                WAR + "!/WEB-INF/lib/spring-beans-5.3.17.jar", "pkg:maven/org.springframework/spring-beans@5.3.17"));
        assertThat(inventory.packages()).allSatisfy(p ->
                assertThat(p.properties()).containsEntry("pathChain", p.locations().getFirst()));
        assertThat(inventory.skipped()).isEmpty();
    }

    @Test
    void shouldAttributePackagesToWarLayer() {
        assertThat(inventory.packages()).hasSize(4).allSatisfy(p -> {
            assertThat(p.layer().index()).isEqualTo(1);
            assertThat(p.layer().digest()).isEqualTo(OciLayoutWriter.digest(appLayer));
        });
    }

    @Test
    void shouldRecordThatWarContainsItsLibraries() {
        Map<String, String> chainById = inventory.packages().stream()
                .collect(Collectors.toMap(Dependency::idOf, p -> p.locations().getFirst()));
        Function<Dependency, String> describe = d -> d.kind() + " "
                + chainById.getOrDefault(d.fromPackageId(), d.fromPackageId()) + " -> " + chainById.get(d.toPackageId());

        assertThat(inventory.dependencies()).map(describe).containsExactlyInAnyOrder(
                "DEPENDS_ON root -> " + WAR,
                "CONTAINS " + WAR + " -> " + WAR + "!/WEB-INF/lib/log4j-core-2.14.1.jar",
                "CONTAINS " + WAR + " -> " + WAR + "!/WEB-INF/lib/log4j-api-2.14.1.jar",
                "CONTAINS " + WAR + " -> " + WAR + "!/WEB-INF/lib/spring-beans-5.3.17.jar");
    }

    /** Writes a war with its own pom.properties, a class and the library jars in WEB-INF/lib. */
    private static byte[] war() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            add(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            add(zip, "META-INF/maven/com.example/shop/pom.properties",
                    "groupId=com.example\nartifactId=shop\nversion=1.4.2\n".getBytes(StandardCharsets.UTF_8));
            add(zip, "WEB-INF/classes/com/example/shop/ShopServlet.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
            for (String library : LIBRARIES) {
                add(zip, "WEB-INF/lib/" + library, Files.readAllBytes(JARS.resolve(library)));
            }
        }
        return bytes.toByteArray();
    }

    private static void add(ZipArchiveOutputStream zip, String name, byte[] content) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(content);
        zip.closeArchiveEntry();
    }
}
