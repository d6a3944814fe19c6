package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code sbom} on the demo image ({@code ../shared/fixtures/images/demo-nest-api/oci}) and on the
 * bundled project folder {@code examples/demo-app}, and reads the dependency graph back from the files.
 */
class SbomDependencyGraphTest {

    private static final String DEMO = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void shouldLinkNestedExpressInCycloneDx() throws IOException {
        byte[] bytes = sbom(DEMO, "cyclonedx");

        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        JsonNode bom = MAPPER.readTree(bytes);
        Map<String, String> refByLocation = new HashMap<>();
        for (JsonNode component : bom.path("components")) {
            component.path("evidence").path("occurrences")
                    .forEach(o -> refByLocation.put(o.path("location").asText(), component.path("bom-ref").asText()));
        }
        String app = "/usr/src/app/node_modules/";
        String platformExpress = refByLocation.get(app + "@nestjs/platform-express/package.json");
        String nestedExpress = refByLocation.get(app + "@nestjs/platform-express/node_modules/express/package.json");
        String topLevelExpress = refByLocation.get(app + "express/package.json");
        Map<String, List<String>> dependsOn = dependsOn(bom);

        assertThat(nestedExpress).startsWith("pkg:npm/express@5.1.0");
        assertThat(topLevelExpress).startsWith("pkg:npm/express@4.17.1");
        assertThat(dependsOn.get(platformExpress)).contains(nestedExpress).doesNotContain(topLevelExpress);
        assertThat(dependsOn.get(bom.path("metadata").path("component").path("bom-ref").asText()))
                .contains(topLevelExpress, platformExpress)
                .doesNotContain(nestedExpress);
    }

    @Test
    void shouldLinkDebianPackagesInCycloneDx() throws IOException {
        JsonNode bom = MAPPER.readTree(sbom(DEMO, "cyclonedx"));

        Map<String, List<String>> dependsOn = dependsOn(bom);
        String libssl = refStartingWith(bom, "pkg:deb/debian/libssl3@");
        String libc = refStartingWith(bom, "pkg:deb/debian/libc6@");

        assertThat(dependsOn.get(libssl)).contains(libc);
        assertThat(dependsOn.get(libc)).doesNotContain(libssl);
    }

    @Test
    void shouldMarkDevelopmentPackageOfProjectFolder() throws IOException {
        byte[] bomBytes = sbom("examples/demo-app", "cyclonedx");
        JsonNode bom = MAPPER.readTree(bomBytes);
        JsonNode spdx = MAPPER.readTree(sbom("examples/demo-app", "spdx"));

        assertThat(new JsonParser().validate(bomBytes, Version.VERSION_16)).isEmpty();
        assertThat(dependsOn(bom).get(bom.path("metadata").path("component").path("bom-ref").asText()))
                .containsExactlyInAnyOrder(refStartingWith(bom, "pkg:npm/express@"), refStartingWith(bom, "pkg:npm/lodash@"),
                        refStartingWith(bom, "pkg:npm/prettier@"));
        Map<String, String> scopeByName = new HashMap<>();
        bom.path("components").forEach(c -> scopeByName.put(c.path("name").asText(), c.path("scope").asText()));
        assertThat(scopeByName).containsEntry("prettier", "optional").containsEntry("express", "required")
                .containsEntry("lodash", "required");
        assertThat(spdxSchema().validate(spdx)).isEmpty();
        List<String> relationships = spdxRelationships(spdx);
        assertThat(relationships).contains("prettier DEV_DEPENDENCY_OF SPDXRef-Image",
                "SPDXRef-Image DEPENDS_ON express", "SPDXRef-Image DEPENDS_ON lodash", "express DEPENDS_ON body-parser");
        assertThat(relationships).doesNotContain("SPDXRef-Image DEPENDS_ON prettier");
    }

    private byte[] sbom(String reference, String format) throws IOException {
        Path output = temp.resolve("sbom-" + format + ".json");
        int exit = Main.run("sbom", reference, "--format", format, "--output", output.toString(), "--quiet");
        assertThat(exit).isEqualTo(ExitCode.OK);
        return Files.readAllBytes(output);
    }

    private static Map<String, List<String>> dependsOn(JsonNode bom) {
        Map<String, List<String>> dependsOn = new HashMap<>();
        for (JsonNode entry : bom.path("dependencies")) {
            List<String> targets = new ArrayList<>();
            entry.path("dependsOn").forEach(target -> targets.add(target.asText()));
            dependsOn.put(entry.path("ref").asText(), targets);
        }
        return dependsOn;
    }

    private static String refStartingWith(JsonNode bom, String prefix) {
        for (JsonNode component : bom.path("components")) {
            if (component.path("purl").asText().startsWith(prefix)) {
                return component.path("bom-ref").asText();
            }
        }
        throw new AssertionError("no component with a purl starting with " + prefix);
    }

    /** Returns the relationships between packages as {@code <name> <type> <name>}, the image as its SPDXID. */
    private static List<String> spdxRelationships(JsonNode document) {
        Map<String, String> nameById = new HashMap<>();
        document.path("packages").forEach(p -> nameById.put(p.path("SPDXID").asText(), p.path("name").asText()));
        nameById.put("SPDXRef-Image", "SPDXRef-Image");
        List<String> relationships = new ArrayList<>();
        document.path("relationships").forEach(r -> relationships.add(
                nameById.get(r.path("spdxElementId").asText()) + " " + r.path("relationshipType").asText() + " "
                        + nameById.get(r.path("relatedSpdxElement").asText())));
        return relationships;
    }

    private static JsonSchema spdxSchema() throws IOException {
        try (InputStream in = SbomDependencyGraphTest.class.getResourceAsStream(
                "/dev/portcullis/sbom/spdx/spdx-schema-v2.3.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        }
    }
}
