package dev.portcullis.sbom.cyclonedx;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.sbom.SampleInventories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class CycloneDxWriterTest {

    private final CycloneDxWriter writer = new CycloneDxWriter();

    @Test
    void shouldValidateAgainstCycloneDx16Schema() throws IOException {
        for (Inventory inventory : List.of(SampleInventories.debianImage(), SampleInventories.rootfsFolder())) {
            List<ParseException> errors = new JsonParser().validate(write(inventory), Version.VERSION_16);

            assertThat(errors).as(inventory.image().reference()).isEmpty();
        }
    }

    @Test
    void shouldCatchInvalidLicenseIdWithSchema() throws IOException {
        JsonNode bom = read(SampleInventories.debianImage());
        ((ObjectNode) bom.path("components").get(2).path("licenses").get(0).path("license")).put("id", "GPL-2+");

        assertThat(new JsonParser().validate(bom, Version.VERSION_16)).isNotEmpty();
    }

    @Test
    void shouldMatchGoldenBom() throws IOException {
        String json = new String(write(SampleInventories.debianImage()), StandardCharsets.UTF_8);

        assertThatJson(json).isEqualTo(resource("debian-image.cdx.json"));
    }

    @Test
    void shouldWriteIdenticalBytesTwice() throws IOException {
        assertThat(write(SampleInventories.debianImage())).isEqualTo(write(SampleInventories.debianImage()));
    }

    @Test
    void shouldListOneComponentPerPackagePlusDistro() throws IOException {
        JsonNode bom = read(SampleInventories.debianImage());

        assertThat(bom.path("components")).hasSize(6);
        assertThat(types(bom)).containsExactly("operating-system", "library", "library", "library", "library",
                "library");
    }

    @Test
    void shouldGiveUniqueBomRefsToRepeatedPurl() throws IOException {
        JsonNode bom = read(SampleInventories.debianImage());

        List<String> refs = texts(bom.path("components"), "bom-ref");
        assertThat(refs).doesNotHaveDuplicates();
        assertThat(refs).filteredOn(ref -> ref.startsWith("pkg:npm/lodash@4.17.15#")).hasSize(2);
        assertThat(refs).contains("pkg:npm/express@4.17.1", "os:debian@12");
    }

    @Test
    void shouldKeepPurlOfEachPackage() throws IOException {
        JsonNode bom = read(SampleInventories.debianImage());

        assertThat(texts(bom.path("components"), "purl")).containsExactly(
                "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12",
                "pkg:deb/debian/libssl3@3.0.17-1~deb12u2?arch=amd64&distro=debian-12",
                "pkg:npm/express@4.17.1",
                "pkg:npm/lodash@4.17.15",
                "pkg:npm/lodash@4.17.15");
    }

    @Test
    void shouldRecordLayerAndSourceAsProperties() throws IOException {
        JsonNode libc = component(read(SampleInventories.debianImage()), "libc6");

        assertThat(property(libc, "portcullis:layer:index")).containsExactly("0");
        assertThat(property(libc, "portcullis:layer:digest")).containsExactly(SampleInventories.BASE_LAYER.digest());
        assertThat(property(libc, "portcullis:layer:createdBy")).containsExactly(SampleInventories.BASE_LAYER.createdBy());
        assertThat(property(libc, "portcullis:sourcePackage:name")).containsExactly("glibc");
        assertThat(property(libc, "portcullis:sourcePackage:version")).containsExactly("2.36-9+deb12u10");
        assertThat(property(libc, "portcullis:foundBy")).containsExactly("dpkg-db-cataloger");
        assertThat(property(libc, "portcullis:location")).containsExactly("/var/lib/dpkg/status");
        assertThat(property(libc, "portcullis:architecture")).containsExactly("amd64");
    }

    @Test
    void shouldListLocationsAsOccurrences() throws IOException {
        JsonNode occurrences = component(read(SampleInventories.debianImage()), "express")
                .path("evidence").path("occurrences");

        assertThat(occurrences).hasSize(1);
        assertThat(occurrences.get(0).path("location").asText()).isEqualTo("/app/node_modules/express/package.json");
    }

    @Test
    void shouldOmitLayerPropertiesWhenLayerUnknown() throws IOException {
        JsonNode express = component(read(SampleInventories.debianImage()), "express");

        assertThat(property(express, "portcullis:layer:index")).isEmpty();
        assertThat(property(express, "portcullis:layer:digest")).isEmpty();
    }

    @Test
    void shouldDescribeImageAsContainer() throws IOException {
        JsonNode image = read(SampleInventories.debianImage()).path("metadata").path("component");

        assertThat(image.path("type").asText()).isEqualTo("container");
        assertThat(image.path("name").asText()).isEqualTo("oci:images/shop-api:1.4");
        assertThat(image.path("version").asText()).isEqualTo(SampleInventories.MANIFEST_DIGEST);
        assertThat(image.path("purl").asText()).isEqualTo(
                "pkg:oci/shop-api@sha256%3A5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270"
                        + "?arch=amd64&tag=1.4");
        assertThat(property(image, "portcullis:image:tag")).containsExactly("1.4", "latest");
    }

    @Test
    void shouldLeaveRootfsImageWithoutPurl() throws IOException {
        JsonNode bom = read(SampleInventories.rootfsFolder());

        JsonNode image = bom.path("metadata").path("component");
        assertThat(image.has("purl")).isFalse();
        assertThat(image.path("bom-ref").asText()).isEqualTo("image:dir:/srv/rootfs");
        assertThat(types(bom)).containsExactly("library");
    }

    @Test
    void shouldNameToolAndVersion() throws IOException {
        JsonNode tool = read(SampleInventories.debianImage()).path("metadata").path("tools").path("components").get(0);

        assertThat(tool.path("name").asText()).isEqualTo("portcullis");
        assertThat(tool.path("version").asText()).isEqualTo("0.1.0");
    }

    private byte[] write(Inventory inventory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(inventory, out);
        return out.toByteArray();
    }

    private JsonNode read(Inventory inventory) throws IOException {
        return new ObjectMapper().readTree(write(inventory));
    }

    private static JsonNode component(JsonNode bom, String name) {
        return StreamSupport.stream(bom.path("components").spliterator(), false)
                .filter(c -> c.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> property(JsonNode component, String name) {
        List<String> values = new ArrayList<>();
        component.path("properties").forEach(p -> {
            if (p.path("name").asText().equals(name)) {
                values.add(p.path("value").asText());
            }
        });
        return values;
    }

    private static List<String> types(JsonNode bom) {
        return texts(bom.path("components"), "type");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> {
            if (node.has(field)) {
                values.add(node.path(field).asText());
            }
        });
        return values;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CycloneDxWriterTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
