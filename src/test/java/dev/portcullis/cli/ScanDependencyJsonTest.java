package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.report.json.InventoryJsonWriter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks that {@code scan --format json} on the demo image ({@code ../shared/fixtures/images/demo-nest-api/oci})
 * carries the dependency edges the catalogers found, by package id.
 */
class ScanDependencyJsonTest {

    private static final String DEMO = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";
    private static final String PLATFORM_EXPRESS = "/usr/src/app/node_modules/@nestjs/platform-express/package.json";
    private static final String NESTED_EXPRESS =
            "/usr/src/app/node_modules/@nestjs/platform-express/node_modules/express/package.json";

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void shouldLinkNestedExpress() throws Exception {
        int exit = Main.run("scan", DEMO, "--format", "json", "--quiet", "--skip-db");

        assertThat(exit).as(streams.err()).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(streams.outBytes());
        Map<String, String> idByLocation = new HashMap<>();
        Map<String, String> versionById = new HashMap<>();
        for (JsonNode pkg : root.path("packages")) {
            pkg.path("locations").forEach(location -> idByLocation.put(location.asText(), pkg.path("id").asText()));
            versionById.put(pkg.path("id").asText(), pkg.path("version").asText());
        }
        String platformExpress = idByLocation.get(PLATFORM_EXPRESS);
        String nestedExpress = idByLocation.get(NESTED_EXPRESS);
        assertThat(platformExpress).startsWith("pkg:npm/%40nestjs/platform-express@");
        assertThat(nestedExpress).startsWith("pkg:npm/express@5.1.0#");
        assertThat(versionById).containsEntry(nestedExpress, "5.1.0");

        List<String> platformExpressTargets = new ArrayList<>();
        for (JsonNode entry : root.path("dependencies")) {
            if (entry.path("ref").asText().equals(platformExpress) && entry.path("kind").asText().equals("depends-on")) {
                entry.path("dependsOn").forEach(id -> platformExpressTargets.add(id.asText()));
            }
        }
        assertThat(platformExpressTargets).contains(nestedExpress);
        assertThat(platformExpressTargets).allMatch(versionById::containsKey, "an id of a listed package");
    }

    @Test
    void shouldValidateDependenciesSchema() throws Exception {
        int exit = Main.run("scan", DEMO, "--format", "json", "--quiet", "--skip-db");

        assertThat(exit).as(streams.err()).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(streams.outBytes());
        assertThat(root.path("dependencies").size()).isPositive();
        try (InputStream schema = InventoryJsonWriter.class.getResourceAsStream(InventoryJsonWriter.SCHEMA_RESOURCE)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(root))
                    .isEmpty();
        }
    }
}
