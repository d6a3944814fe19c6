package dev.portcullis.sbom.spdx;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.sbom.SampleInventories;
import dev.portcullis.sbom.SpdxExpressions;
import dev.portcullis.sbom.SpdxLicenseList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Validates against the SPDX 2.3 JSON schema in {@code spdx-schema-v2.3.json} (origin in SOURCES.tsv
 * beside it) and checks what that schema leaves open: required package fields, SPDXID syntax (the
 * schema has no pattern for it), relationships and license expressions.
 */
class SpdxWriterTest {

    private static final List<String> PACKAGE_FIELDS =
            List.of("SPDXID", "name", "downloadLocation", "filesAnalyzed", "licenseConcluded", "licenseDeclared",
                    "copyrightText", "supplier", "primaryPackagePurpose");

    private final SpdxWriter writer = new SpdxWriter();

    @Test
    void shouldValidateAgainstSpdx23Schema() throws IOException {
        JsonSchema schema = spdxSchema();

        for (Inventory inventory : List.of(SampleInventories.debianImage(), SampleInventories.rootfsFolder())) {
            Set<ValidationMessage> errors = schema.validate(read(inventory));

            assertThat(errors).as(inventory.image().reference()).isEmpty();
        }
    }

    @Test
    void shouldCatchInvalidPurposeWithSchema() throws IOException {
        JsonNode document = read(SampleInventories.debianImage());
        ((ObjectNode) document.path("packages").get(2)).put("primaryPackagePurpose", "SERVICE");

        assertThat(spdxSchema().validate(document)).isNotEmpty();
    }

    @Test
    void shouldMatchGoldenDocument() throws IOException {
        String json = new String(write(SampleInventories.debianImage()), StandardCharsets.UTF_8);

        assertThatJson(json).isEqualTo(resource("debian-image.spdx.json"));
    }

    @Test
    void shouldWriteDocumentHeader() throws IOException {
        JsonNode document = read(SampleInventories.debianImage());

        assertThat(document.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(document.path("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(document.path("SPDXID").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(document.path("name").asText()).isEqualTo("oci:images/shop-api:1.4");
        assertThat(document.path("creationInfo").path("created").asText()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(document.path("creationInfo").path("creators").get(0).asText()).isEqualTo("Tool: portcullis-0.1.0");
    }

    @Test
    void shouldDeriveNamespaceFromDigestAndScanTime() throws IOException {
        String namespace = read(SampleInventories.debianImage()).path("documentNamespace").asText();

        assertThat(namespace).matches("https://portcullis\\.dev/spdxdocs/shop-api-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(namespace).isEqualTo(read(SampleInventories.debianImage()).path("documentNamespace").asText());
        assertThat(namespace).isNotEqualTo(read(SampleInventories.rootfsFolder()).path("documentNamespace").asText());
    }

    @Test
    void shouldFillRequiredFieldsOfEveryPackage() throws IOException {
        for (JsonNode pkg : read(SampleInventories.debianImage()).path("packages")) {
            for (String field : PACKAGE_FIELDS) {
                assertThat(pkg.hasNonNull(field)).as(pkg.path("name").asText() + " " + field).isTrue();
            }
        }
    }

    @Test
    void shouldWriteValidUniqueSpdxIds() throws IOException {
        List<String> ids = texts(read(SampleInventories.debianImage()).path("packages"), "SPDXID");

        assertThat(ids).hasSize(7);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.matches("SPDXRef-[A-Za-z0-9.-]+"), "SPDXRef-[A-Za-z0-9.-]+");
    }

    @Test
    void shouldRelateDocumentImageAndPackages() throws IOException {
        JsonNode document = read(SampleInventories.debianImage());
        List<String> ids = texts(document.path("packages"), "SPDXID");
        JsonNode relationships = document.path("relationships");

        assertThat(relationships).hasSize(7);
        assertThat(relationships.get(0).path("spdxElementId").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(relationships.get(0).path("relationshipType").asText()).isEqualTo("DESCRIBES");
        assertThat(relationships.get(0).path("relatedSpdxElement").asText()).isEqualTo("SPDXRef-Image");
        assertThat(texts(relationships, "relationshipType")).filteredOn("CONTAINS"::equals).hasSize(6);
        assertThat(texts(relationships, "relatedSpdxElement")).containsExactlyElementsOf(ids);
    }

    @Test
    void shouldMarkImageAsContainer() throws IOException {
        JsonNode image = read(SampleInventories.debianImage()).path("packages").get(0);

        assertThat(image.path("primaryPackagePurpose").asText()).isEqualTo("CONTAINER");
        assertThat(image.path("versionInfo").asText()).isEqualTo(SampleInventories.MANIFEST_DIGEST);
        assertThat(image.path("externalRefs").get(0).path("referenceLocator").asText()).startsWith("pkg:oci/shop-api@");
    }

    @Test
    void shouldWriteOnlyValidLicenseExpressions() throws IOException {
        SpdxExpressions expressions = new SpdxExpressions(SpdxLicenseList.load());

        for (String declared : texts(read(SampleInventories.debianImage()).path("packages"), "licenseDeclared")) {
            assertThat(declared.equals("NOASSERTION") || expressions.normalize(declared).isPresent())
                    .as(declared).isTrue();
        }
    }

    @Test
    void shouldFallBackToNoassertionForInvalidLicense() throws IOException {
        JsonNode libc = pkg(read(SampleInventories.debianImage()), "libc6");

        assertThat(libc.path("licenseDeclared").asText()).isEqualTo("NOASSERTION");
        assertThat(libc.path("licenseConcluded").asText()).isEqualTo("NOASSERTION");
    }

    @Test
    void shouldWriteSourceInfoAndSupplier() throws IOException {
        JsonNode libc = pkg(read(SampleInventories.debianImage()), "libc6");

        assertThat(libc.path("sourceInfo").asText()).isEqualTo("Found by dpkg-db-cataloger at /var/lib/dpkg/status"
                + " in layer 0 (" + SampleInventories.BASE_LAYER.digest() + ")."
                + " Built from source package glibc 2.36-9+deb12u10.");
        assertThat(libc.path("supplier").asText())
                .isEqualTo("Person: GNU Libc Maintainers (debian-glibc@lists.debian.org)");
        assertThat(libc.path("externalRefs").get(0).path("referenceCategory").asText()).isEqualTo("PACKAGE-MANAGER");
        assertThat(libc.path("externalRefs").get(0).path("referenceType").asText()).isEqualTo("purl");
        assertThat(libc.path("externalRefs").get(0).path("referenceLocator").asText())
                .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "@nestjs/core     | -nestjs-core",
        "libstdc++6       | libstdc-6",
        "python3.11       | python3.11",
        "foo_bar baz      | foo-bar-baz",
        "''               | unnamed",
    })
    void shouldReplaceInvalidIdCharacters(String name, String expected) {
        assertThat(SpdxPackageMapper.idSafe(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Jane Doe <jane@example.org>    | Person: Jane Doe (jane@example.org)",
        "Jane Doe                       | Person: Jane Doe",
        "'   '                          | NOASSERTION",
    })
    void shouldFormatPerson(String value, String expected) {
        assertThat(SpdxPackageMapper.person(value)).isEqualTo(expected);
    }

    private static JsonSchema spdxSchema() throws IOException {
        try (InputStream in = resourceStream("spdx-schema-v2.3.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        }
    }

    private byte[] write(Inventory inventory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(inventory, out);
        return out.toByteArray();
    }

    private JsonNode read(Inventory inventory) throws IOException {
        return new ObjectMapper().readTree(write(inventory));
    }

    private static JsonNode pkg(JsonNode document, String name) {
        return StreamSupport.stream(document.path("packages").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static InputStream resourceStream(String name) {
        InputStream in = SpdxWriterTest.class.getResourceAsStream(name);
        assertThat(in).as("test resource " + name).isNotNull();
        return in;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = resourceStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
