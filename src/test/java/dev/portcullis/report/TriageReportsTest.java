package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.report.cyclonedx.CycloneDxVexWriter;
import dev.portcullis.report.json.InventoryJsonWriter;
import dev.portcullis.report.json.TriageJsonWriter;
import dev.portcullis.report.openvex.OpenVexWriter;
import dev.portcullis.report.sarif.SarifWriter;
import dev.portcullis.report.table.TriageTableWriter;
import dev.portcullis.triage.DemoTriage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes the triaged demo image ({@link DemoTriage}) in every triage report format and checks each. */
class TriageReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENVEX_CHECKS = "/dev/portcullis/report/openvex/openvex-0.2.0-checks.json";

    @TempDir
    static java.nio.file.Path temp;

    private static DemoTriage.Run run;

    @BeforeAll
    static void triageDemo() throws Exception {
        run = DemoTriage.run(temp, List.of());
    }

    @Test
    void shouldWriteOpenVexThatPassesSpecChecks() throws Exception {
        JsonNode document = JSON.readTree(write(new OpenVexWriter()));

        assertThat(schema(OPENVEX_CHECKS, SpecVersion.VersionFlag.V202012).validate(document)).isEmpty();
        assertThat(document.path("statements")).hasSize(run.result().findings().size());
        JsonNode lodash = statement(document.path("statements"), "CVE-2021-23337");
        JsonNode product = lodash.path("products").get(0);
        assertThat(product.path("@id").asText()).startsWith("pkg:oci/oci@sha256%3A");
        assertThat(product.path("subcomponents").get(0).path("@id").asText()).isEqualTo("pkg:npm/lodash@4.17.15");
        assertThat(lodash.path("status").asText()).isEqualTo("affected");
        assertThat(lodash.path("action_statement").asText()).isEqualTo("upgrade lodash to 4.17.21");
        JsonNode passwd = statement(document.path("statements"), "CVE-2023-4641");
        assertThat(passwd.path("status").asText()).isEqualTo("fixed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid-not-affected-without-reason.json", "invalid-affected-without-action.json"})
    void shouldRejectInvalidOpenVexInChecks(String file) throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/dev/portcullis/report/openvex/" + file)) {
            document = JSON.readTree(in);
        }

        assertThat(schema(OPENVEX_CHECKS, SpecVersion.VersionFlag.V202012).validate(document)).isNotEmpty();
    }

    @Test
    void shouldWriteCycloneDxVexThatValidates() throws Exception {
        byte[] bytes = write(new CycloneDxVexWriter());

        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        JsonNode vulnerabilities = JSON.readTree(bytes).path("vulnerabilities");
        assertThat(vulnerabilities).hasSize(run.result().findings().size());
        JsonNode lodash = find(vulnerabilities, "id", "CVE-2021-23337");
        assertThat(lodash.path("analysis").path("state").asText()).isEqualTo("exploitable");
        assertThat(lodash.path("analysis").path("response").get(0).asText()).isEqualTo("update");
        assertThat(lodash.path("affects").get(0).path("ref").asText()).isEqualTo("pkg:npm/lodash@4.17.15");
        JsonNode passwd = find(vulnerabilities, "id", "CVE-2023-4641");
        assertThat(passwd.path("analysis").path("state").asText()).isEqualTo("resolved");
        assertThat(passwd.path("analysis").path("detail").asText()).contains("changelog entry 1:4.13+dfsg1-1+deb12u1");
    }

    @Test
    void shouldWriteSarifWithVerdictAndRiskProperties() throws Exception {
        JsonNode document = JSON.readTree(write(new SarifWriter()));

        assertThat(document.path("version").asText()).isEqualTo("2.1.0");
        JsonNode results = document.path("runs").get(0).path("results");
        assertThat(results).hasSize(run.result().findings().size());
        JsonNode lodash = find(results, "ruleId", "CVE-2021-23337");
        assertThat(lodash.path("level").asText()).isEqualTo("error");
        assertThat(lodash.path("properties").path("verdict").asText()).isEqualTo("affected");
        assertThat(lodash.path("properties").path("risk").asText()).isEqualTo("high");
        JsonNode apt = find(results, "ruleId", "CVE-2011-3374");
        assertThat(apt.path("properties").path("verdict").asText()).isEqualTo("low_risk");
    }

    @Test
    void shouldWriteJsonThatValidatesAgainstSchema() throws Exception {
        JsonNode document = JSON.readTree(write(new TriageJsonWriter()));

        assertThat(schema(InventoryJsonWriter.SCHEMA_RESOURCE, SpecVersion.VersionFlag.V202012).validate(document))
                .isEmpty();
        assertThat(document.path("findings")).hasSize(run.result().findings().size());
        JsonNode lodash = find(document.path("findings"), "id", "CVE-2020-8203").path("triage");
        assertThat(lodash.path("verdict").path("status").asText()).isEqualTo("affected");
        assertThat(lodash.path("advice").asText()).isEqualTo("upgrade lodash to 4.17.21");
        assertThat(lodash.path("evidence").get(0).path("decided").asBoolean()).isTrue();
        JsonNode apt = find(document.path("findings"), "id", "CVE-2011-3374");
        assertThat(apt.path("package").path("name").asText()).isEqualTo("apt");
        assertThat(apt.path("triage").path("verdict").path("lowRiskBasis").asText()).isEqualTo("distro");
        assertThat(document.path("statements").path("unmatched")).isEmpty();
    }

    @Test
    void shouldGroupTableByVerdict() throws Exception {
        String table = new String(write(new TriageTableWriter()), StandardCharsets.UTF_8);

        assertThat(table).contains("\nAFFECTED (3)\n", "\nUPSTREAM_PENDING (", "\nLOW_RISK (4)\n",
                "\nALREADY_PATCHED (");
        assertThat(table.indexOf("AFFECTED (3)")).isLessThan(table.indexOf("ALREADY_PATCHED"));
        assertThat(table).containsPattern("high +CVE-2021-23337 +lodash +4\\.17\\.15 +upgrade lodash to 4\\.17\\.21");
    }

    @Test
    void shouldMarkKevFindingsInTable() throws Exception {
        String table = new String(write(new TriageTableWriter()), StandardCharsets.UTF_8);
        List<String> kevIds = run.result().findings().stream().filter(t -> t.finding().inKev())
                .map(t -> t.finding().id()).distinct().toList();

        assertThat(kevIds).isNotEmpty();
        for (String id : kevIds) {
            assertThat(table).containsPattern("\\n[a-z]+ KEV +" + id + " ");
        }
        assertThat(table).doesNotContainPattern("\\n[a-z]+ KEV +CVE-2021-23337 ");
    }

    private static byte[] write(TriageWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(run.inventory(), run.result(), out);
        return out.toByteArray();
    }

    private static JsonNode statement(JsonNode statements, String id) {
        return StreamSupport.stream(statements.spliterator(), false)
                .filter(s -> s.path("vulnerability").path("name").asText().equals(id))
                .findFirst().orElseThrow();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        List<JsonNode> matches = new ArrayList<>();
        array.forEach(node -> {
            if (node.path(field).asText().equals(value)) {
                matches.add(node);
            }
        });
        assertThat(matches).as(field + "=" + value).isNotEmpty();
        return matches.getFirst();
    }

    private static JsonSchema schema(String resource, SpecVersion.VersionFlag version) throws IOException {
        try (InputStream in = TriageReportsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonSchemaFactory.getInstance(version).getSchema(in);
        }
    }
}
