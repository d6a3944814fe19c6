package dev.portcullis.report.json;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InventoryJsonWriterTest {

    private final InventoryJsonWriter writer = new InventoryJsonWriter();

    @Test
    void shouldValidateAgainstOwnSchema() throws IOException {
        JsonSchema schema = schema();

        for (Inventory inventory : List.of(SampleInventories.debianImage(), SampleInventories.rootfsFolder())) {
            Set<ValidationMessage> errors = schema.validate(read(inventory));

            assertThat(errors).as(inventory.image().reference()).isEmpty();
        }
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"schemaVersion", "tool", "image", "distro", "packages", "skipped", "scannedAt"})
    void shouldRejectDocumentMissingField(String field) throws IOException {
        ObjectNode document = (ObjectNode) read(SampleInventories.debianImage());
        document.remove(field);

        assertThat(schema().validate(document)).isNotEmpty();
    }

    @Test
    void shouldRejectUnknownPackageField() throws IOException {
        JsonNode document = read(SampleInventories.debianImage());
        ((ObjectNode) document.path("packages").get(0)).put("severity", "high");

        assertThat(schema().validate(document)).isNotEmpty();
    }

    @Test
    void shouldMatchGoldenInventory() throws IOException {
        String json = new String(write(SampleInventories.debianImage()), StandardCharsets.UTF_8);

        assertThatJson(json).isEqualTo(resource("/dev/portcullis/report/json/debian-image.inventory.json"));
    }

    @Test
    void shouldMatchGoldenRootfsInventory() throws IOException {
        String json = new String(write(SampleInventories.rootfsFolder()), StandardCharsets.UTF_8);

        assertThatJson(json).isEqualTo(resource("/dev/portcullis/report/json/rootfs.inventory.json"));
    }

    @Test
    void shouldKeepDocsSchemaEqualToClasspathSchema() throws IOException {
        String docs = Files.readString(Path.of("docs/schema/inventory-v1.json"));

        assertThat(resource(InventoryJsonWriter.SCHEMA_RESOURCE)).isEqualTo(docs);
    }

    @Test
    void shouldValidateExampleInFormatDocs() throws IOException {
        String page = Files.readString(Path.of("docs/json-format.md"));
        int start = page.indexOf("```json\n") + "```json\n".length();
        String example = page.substring(start, page.indexOf("```", start));

        assertThat(schema().validate(new ObjectMapper().readTree(example))).isEmpty();
    }

    @Test
    void shouldWriteNullDistroWhenUnknown() throws IOException {
        JsonNode document = read(SampleInventories.rootfsFolder());

        assertThat(document.has("distro")).isTrue();
        assertThat(document.path("distro").isNull()).isTrue();
        assertThat(document.path("image").path("manifestDigest").isNull()).isTrue();
        assertThat(document.path("packages").get(0).path("layer").isNull()).isTrue();
    }

    @Test
    void shouldListBothLodashCopies() throws IOException {
        JsonNode packages = read(SampleInventories.debianImage()).path("packages");

        assertThat(packages).hasSize(5);
        assertThat(packages.get(3).path("locations").get(0).asText()).isEqualTo("/app/node_modules/lodash/package.json");
        assertThat(packages.get(4).path("locations").get(0).asText())
                .isEqualTo("/usr/local/lib/node_modules/npm/node_modules/lodash/package.json");
    }

    @Test
    void shouldWriteIdenticalBytesTwice() throws IOException {
        assertThat(write(SampleInventories.debianImage())).isEqualTo(write(SampleInventories.debianImage()));
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
            assertThat(in).as(InventoryJsonWriter.SCHEMA_RESOURCE).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
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

    private static String resource(String name) throws IOException {
        try (InputStream in = InventoryJsonWriterTest.class.getResourceAsStream(name)) {
            assertThat(in).as("resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
