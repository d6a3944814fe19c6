package dev.portcullis.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.sbom.cyclonedx.CycloneDxWriter;
import dev.portcullis.sbom.spdx.SpdxWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writes an inventory with every kind of relationship (image to package, package to package, a
 * development package, an archive containing another) as CycloneDX 1.6 and SPDX 2.3.
 */
class SbomRelationshipsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IMAGE_REF =
            "pkg:oci/shop-api@sha256%3A5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270?arch=amd64&tag=1.4";
    private static final String LIBSSL_REF = "pkg:deb/debian/libssl3@3.0.17-1~deb12u2?arch=amd64&distro=debian-12";
    private static final String LIBC_REF = "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12";

    private static final Package EXPRESS = npm("express", "4.17.1", "/app/node_modules/express", "prod");
    private static final Package DEBUG = npm("debug", "2.6.9", "/app/node_modules/debug", "prod");
    private static final Package TYPESCRIPT = npm("typescript", "5.9.2", "/app/node_modules/typescript", "dev");
    private static final Package TYPES_NODE = npm("@types/node", "20.19.11", "/app/node_modules/@types/node", "dev");
    private static final Package WAR = maven("com.example", "shop", "1.4.2", "/srv/shop-1.4.2.war");
    private static final Package LOG4J = maven("org.apache.logging.log4j", "log4j-core", "2.14.1",
            "/srv/shop-1.4.2.war!/WEB-INF/lib/log4j-core-2.14.1.jar");

    @Test
    void shouldWriteCycloneDxDependencyGraph() throws IOException {
        byte[] bom = write(new CycloneDxWriter()::write);

        assertThat(new JsonParser().validate(bom, Version.VERSION_16)).isEmpty();
        Map<String, List<String>> dependsOn = new HashMap<>();
        for (JsonNode entry : MAPPER.readTree(bom).path("dependencies")) {
            List<String> targets = new ArrayList<>();
            entry.path("dependsOn").forEach(target -> targets.add(target.asText()));
            dependsOn.put(entry.path("ref").asText(), targets);
        }
        assertThat(dependsOn).containsOnlyKeys(IMAGE_REF, "pkg:npm/express@4.17.1", "pkg:npm/debug@2.6.9",
                "pkg:npm/typescript@5.9.2", "pkg:npm/%40types/node@20.19.11", "pkg:maven/com.example/shop@1.4.2",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", LIBSSL_REF, LIBC_REF);
        assertThat(dependsOn.get(IMAGE_REF)).containsExactly(
                "pkg:maven/com.example/shop@1.4.2", "pkg:npm/express@4.17.1", "pkg:npm/typescript@5.9.2");
        assertThat(dependsOn.get("pkg:npm/express@4.17.1")).containsExactly("pkg:npm/debug@2.6.9");
        assertThat(dependsOn.get("pkg:npm/typescript@5.9.2")).containsExactly("pkg:npm/%40types/node@20.19.11");
        assertThat(dependsOn.get("pkg:maven/com.example/shop@1.4.2"))
                .containsExactly("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(dependsOn.get(LIBSSL_REF)).containsExactly(LIBC_REF);
        assertThat(dependsOn.get("pkg:npm/debug@2.6.9")).isEmpty();
        assertThat(dependsOn.get("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "express,    required",
        "debug,      required",
        "typescript, optional",
        "@types/node, optional",
        "log4j-core, ''",
        "libc6,      ''",
    })
    void shouldWriteCycloneDxScopeFromDevelopmentFlag(String name, String scope) throws IOException {
        JsonNode bom = MAPPER.readTree(write(new CycloneDxWriter()::write));

        JsonNode component = find(bom.path("components"), "name", name).orElseThrow();

        assertThat(component.path("scope").asText()).isEqualTo(scope);
    }

    @Test
    void shouldLeaveOutCycloneDxGraphWithoutRelationships() throws IOException {
        JsonNode bom = MAPPER.readTree(write(SampleInventories.debianImage(), new CycloneDxWriter()::write));

        assertThat(bom.has("dependencies")).isFalse();
    }

    @Test
    void shouldWriteSpdxRelationships() throws IOException {
        byte[] document = write(new SpdxWriter()::write);

        JsonNode root = MAPPER.readTree(document);
        assertThat(spdxSchema().validate(root)).isEmpty();
        Map<String, String> nameById = new HashMap<>();
        root.path("packages").forEach(p -> nameById.put(p.path("SPDXID").asText(), p.path("name").asText()));
        nameById.put("SPDXRef-Image", "image");
        List<String> relationships = new ArrayList<>();
        root.path("relationships").forEach(r -> {
            String type = r.path("relationshipType").asText();
            if (!type.equals("DESCRIBES") && !(type.equals("CONTAINS") && r.path("spdxElementId").asText().equals("SPDXRef-Image"))) {
                relationships.add(nameById.get(r.path("spdxElementId").asText()) + " " + type + " "
                        + nameById.get(r.path("relatedSpdxElement").asText()));
            }
        });
        // The project needs typescript for development, and typescript itself needs @types/node.
        assertThat(relationships).containsExactlyInAnyOrder(
                "image DEPENDS_ON express",
                "image DEPENDS_ON shop",
                "typescript DEV_DEPENDENCY_OF image",
                "express DEPENDS_ON debug",
                "typescript DEPENDS_ON @types/node",
                "shop CONTAINS log4j-core",
                "libssl3 DEPENDS_ON libc6");
    }

    @ParameterizedTest
    @CsvSource({
        "scope,       dev,   true",
        "scope,       prod,  false",
        "development, true,  true",
        "development, false, false",
        "scope,       other, ",
        "category,    dev,   ",
    })
    void shouldReadDevelopmentFlag(String key, String value, Boolean expected) {
        Package pkg = new Package(PackageType.NPM, "a", "1.0.0", null, null, "pkg:npm/a@1.0.0", "test", List.of(),
                List.of(), null, List.of(), Map.of(key, value));

        assertThat(SbomRelationships.isDevelopment(pkg)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void shouldDropEdgeToPackageOutsideInventory() {
        List<SbomPackages.Identified> identified = SbomPackages.identify(List.of(EXPRESS));

        List<SbomRelationships.Edge> edges = SbomRelationships.edges(identified,
                List.of(Dependency.dependsOn(EXPRESS, DEBUG), Dependency.rootDependsOn(EXPRESS)));

        assertThat(edges).containsExactly(
                new SbomRelationships.Edge(null, "pkg:npm/express@4.17.1", Dependency.Kind.DEPENDS_ON));
    }

    /** Adds relationships and the packages they name to the sample Debian image. */
    private static Inventory inventory() {
        Inventory sample = SampleInventories.debianImage();
        Package libssl = named(sample, "libssl3");
        Package libc = named(sample, "libc6");
        List<Package> packages = new ArrayList<>(sample.packages().stream()
                .filter(p -> p.type() != PackageType.NPM)
                .toList());
        packages.addAll(List.of(EXPRESS, DEBUG, TYPESCRIPT, TYPES_NODE, WAR, LOG4J));
        List<Dependency> dependencies = List.of(
                Dependency.rootDependsOn(EXPRESS),
                Dependency.rootDependsOn(TYPESCRIPT),
                Dependency.rootDependsOn(WAR),
                Dependency.dependsOn(EXPRESS, DEBUG),
                Dependency.dependsOn(TYPESCRIPT, TYPES_NODE),
                Dependency.contains(WAR, LOG4J),
                Dependency.dependsOn(libssl, libc),
                Dependency.dependsOn(EXPRESS, DEBUG));
        return new Inventory(sample.image(), sample.distro(), packages, sample.skipped(), sample.scannedAt(),
                sample.toolVersion(), dependencies);
    }

    private static Package named(Inventory inventory, String name) {
        return inventory.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Package npm(String name, String version, String folder, String scope) {
        String purl = "pkg:npm/" + name.replace("@", "%40") + "@" + version;
        return new Package(PackageType.NPM, name, version, null, null, purl, "npm-package-cataloger", List.of(folder + "/package.json"), List.of(),
                SampleInventories.APP_LAYER, List.of(), Map.of("scope", scope));
    }

    private static Package maven(String groupId, String artifactId, String version, String chain) {
        return new Package(PackageType.MAVEN, artifactId, version, null, null,
                "pkg:maven/" + groupId + "/" + artifactId + "@" + version, "java-archive-cataloger", List.of(chain),
                List.of(), SampleInventories.APP_LAYER, List.of(), Map.of("pathChain", chain));
    }

    private static Optional<JsonNode> find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private static com.networknt.schema.JsonSchema spdxSchema() throws IOException {
        try (InputStream in = SbomRelationshipsTest.class.getResourceAsStream("spdx/spdx-schema-v2.3.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(Inventory inventory, ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) throws IOException {
        return write(inventory(), writer);
    }

    private static byte[] write(Inventory inventory, Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(inventory, out);
        return out.toByteArray();
    }
}
