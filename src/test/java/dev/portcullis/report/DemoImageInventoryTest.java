package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.image.Layer;
import dev.portcullis.report.json.InventoryJsonWriter;
import dev.portcullis.report.table.TableWriter;
import dev.portcullis.sbom.SampleInventories;
import dev.portcullis.sbom.cyclonedx.CycloneDxWriter;
import dev.portcullis.sbom.spdx.SpdxWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every writer over the real package list of the shared demo image: the 92 Debian packages of
 * {@code ../shared/fixtures/images/demo-nest-api/expected-dpkg.tsv} and the 355 npm packages of
 * {@code expected-npm.tsv} beside it, where 15 name and version pairs occur at more than one path.
 */
class DemoImageInventoryTest {

    private static final Path FIXTURE = Path.of("../shared/fixtures/images/demo-nest-api");
    private static final int PACKAGE_COUNT = 92 + 355;
    private static final Layer NPM_LAYER = new Layer(1,
            "sha256:3c0f5d7e9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5", null, 48_000_000L,
            "application/vnd.oci.image.layer.v1.tar+gzip", "COPY node /usr/local");
    private static final Layer APP_LAYER = new Layer(2,
            "sha256:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d", null, 9_000_000L,
            "application/vnd.oci.image.layer.v1.tar+gzip", "COPY app /app");

    private static Inventory inventory;

    @BeforeAll
    static void readFixture() throws IOException, MalformedPackageURLException {
        List<Package> packages = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURE.resolve("expected-dpkg.tsv"))) {
            String[] fields = line.split("\t");
            SourcePackage source = new SourcePackage(fields[1], fields[2]);
            packages.add(new Package(PackageType.DEB, fields[0], fields[3], fields[4], source,
                    purl("deb", "debian", fields[0], fields[3], Map.of("arch", fields[4], "distro", "debian-12")),
                    "dpkg-db-cataloger", List.of("/var/lib/dpkg/status"), List.of(), SampleInventories.BASE_LAYER,
                    List.of(), Map.of()));
        }
        for (String line : Files.readAllLines(FIXTURE.resolve("expected-npm.tsv")).stream().skip(1).toList()) {
            String[] fields = line.split("\t");
            String[] scoped = fields[1].startsWith("@") ? fields[1].split("/", 2) : new String[] {null, fields[1]};
            Layer layer = fields[0].startsWith("/app/") ? APP_LAYER : NPM_LAYER;
            packages.add(new Package(PackageType.NPM, fields[1], fields[2], null, null,
                    purl("npm", scoped[0], scoped[1], fields[2], Map.of()), "npm-package-cataloger",
                    List.of(fields[0] + "/package.json"), List.of(), layer, List.of(), Map.of()));
        }
        Inventory sample = SampleInventories.debianImage();
        inventory = new Inventory(sample.image(), new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"),
                packages, sample.skipped(), sample.scannedAt(), sample.toolVersion());
    }

    @Test
    void shouldReadWholeFixture() {
        assertThat(inventory.packages()).hasSize(PACKAGE_COUNT);
    }

    @Test
    void shouldWriteValidCycloneDxWithUniqueRefs() throws IOException {
        byte[] bom = write(out -> new CycloneDxWriter().write(inventory, out));
        JsonNode components = new ObjectMapper().readTree(bom).path("components");
        List<String> refs = new ArrayList<>();
        components.forEach(c -> refs.add(c.path("bom-ref").asText()));

        assertThat(new JsonParser().validate(bom, Version.VERSION_16)).isEmpty();
        assertThat(components).hasSize(PACKAGE_COUNT + 1);
        assertThat(refs).doesNotHaveDuplicates();
        assertThat(refs).filteredOn(ref -> ref.contains("#")).hasSizeGreaterThanOrEqualTo(2 * 15);
    }

    @Test
    void shouldWriteValidSpdxWithUniqueIds() throws IOException {
        JsonNode document = new ObjectMapper().readTree(write(out -> new SpdxWriter().write(inventory, out)));
        List<String> ids = new ArrayList<>();
        document.path("packages").forEach(p -> ids.add(p.path("SPDXID").asText()));

        assertThat(spdxSchema().validate(document)).isEmpty();
        assertThat(ids).hasSize(PACKAGE_COUNT + 2);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.matches("SPDXRef-[A-Za-z0-9.-]+"), "SPDXRef-[A-Za-z0-9.-]+");
        assertThat(document.path("relationships")).hasSize(PACKAGE_COUNT + 2);
    }

    @Test
    void shouldWriteValidInventoryJson() throws IOException {
        JsonNode document = new ObjectMapper().readTree(write(out -> new InventoryJsonWriter().write(inventory, out)));

        assertThat(jsonSchema(InventoryJsonWriter.SCHEMA_RESOURCE, SpecVersion.VersionFlag.V202012)
                .validate(document)).isEmpty();
        assertThat(document.path("packages")).hasSize(PACKAGE_COUNT);
    }

    @Test
    void shouldWriteOneTableRowPerPackage() throws IOException {
        String table = new String(write(out -> new TableWriter().write(inventory, out)), StandardCharsets.UTF_8);
        List<String> lines = table.lines().toList();

        // Header line, blank line, column headings, then the rows, then the skipped section of 3 lines.
        assertThat(lines).hasSize(3 + PACKAGE_COUNT + 3);
        assertThat(lines.get(2)).startsWith("NAME ");
        assertThat(lines.subList(3, 3 + PACKAGE_COUNT)).allMatch(line -> line.length() <= 5 * 40 + 4 * 2);
    }

    private interface Output {
        void writeTo(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] write(Output output) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.writeTo(out);
        return out.toByteArray();
    }

    private static JsonSchema spdxSchema() throws IOException {
        return jsonSchema("/dev/portcullis/sbom/spdx/spdx-schema-v2.3.json", SpecVersion.VersionFlag.V201909);
    }

    private static JsonSchema jsonSchema(String resource, SpecVersion.VersionFlag version) throws IOException {
        try (InputStream in = DemoImageInventoryTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonSchemaFactory.getInstance(version).getSchema(in);
        }
    }

    private static String purl(String type, String namespace, String name, String version, Map<String, String> qualifiers)
            throws MalformedPackageURLException {
        return new PackageURL(type, namespace, name, version, new TreeMap<>(qualifiers), null).canonicalize();
    }
}
