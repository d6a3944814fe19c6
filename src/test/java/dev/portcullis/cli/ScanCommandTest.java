package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code scan} and {@code sbom} end to end on the demo image
 * ({@code ../shared/fixtures/images/demo-nest-api/oci}) and on the bundled example, as a user would.
 */
class ScanCommandTest {

    private static final String DEMO = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path temp;

    @BeforeEach
    void captureStreams() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void shouldListDemoPackagesWithLayersAsJson() throws IOException {
        int exit = Main.run("scan", DEMO, "--format", "json", "--quiet", "--skip-db");

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(stdout.toByteArray());
        Map<String, Integer> countByTypeAndLayer = new HashMap<>();
        for (JsonNode pkg : root.path("packages")) {
            countByTypeAndLayer.merge(pkg.path("type").asText() + "@" + pkg.path("layer").path("index").asInt(), 1,
                    Integer::sum);
        }
        assertThat(countByTypeAndLayer).containsExactlyInAnyOrderEntriesOf(
                Map.of("deb@0", 88, "deb@1", 4, "generic@1", 1, "npm@1", 202, "npm@2", 153));
        assertThat(root.path("distro").path("codename").asText()).isEqualTo("bookworm");
        assertThat(root.path("image").path("user").asText()).isEqualTo("node");
    }

    @Test
    void shouldWriteValidCycloneDxForBundledExample() throws Exception {
        Path sbom = temp.resolve("example.cdx.json");

        int exit = Main.run("sbom", "examples/demo-image", "--output", sbom.toString(), "--quiet");

        assertThat(exit).isEqualTo(ExitCode.OK);
        byte[] bytes = Files.readAllBytes(sbom);
        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        JsonNode root = new ObjectMapper().readTree(bytes);
        long libraries = 0;
        for (JsonNode component : root.path("components")) {
            if (component.path("purl").asText().startsWith("pkg:deb/debian/libc6@")) {
                assertThat(component.path("purl").asText()).contains("distro=debian-12");
            }
            if (component.path("type").asText().equals("library")) {
                libraries++;
            }
        }
        assertThat(libraries).isEqualTo(8 + 72);
    }

    @Test
    void shouldWriteSpdxWhenAsked() throws IOException {
        int exit = Main.run("sbom", "examples/demo-image", "--format", "spdx", "--quiet");

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(stdout.toByteArray());
        assertThat(root.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    }

    @Test
    void shouldReadProjectFolderFromLockfile() throws IOException {
        int exit = Main.run("scan", "examples/demo-app", "--format", "json", "--quiet");

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(stdout.toByteArray());
        assertThat(root.path("image").path("kind").asText()).isEqualTo("project");
        Map<String, Integer> countByScope = new HashMap<>();
        for (JsonNode pkg : root.path("packages")) {
            assertThat(pkg.path("locations").get(0).asText()).isEqualTo("/package-lock.json");
            countByScope.merge(pkg.path("properties").path("scope").asText(), 1, Integer::sum);
        }
        assertThat(countByScope).containsExactlyInAnyOrderEntriesOf(Map.of("prod", 72, "dev", 1));
    }

    @Test
    void shouldNameLockfilesInProjectTable() {
        int exit = Main.run("scan", "examples/demo-app", "--format", "table", "--quiet");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Files read: /package-lock.json");
    }

    @Test
    void shouldExitTwoWithoutReportForRandomBytes() throws IOException {
        Path garbage = temp.resolve("garbage.tar");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(garbage, bytes);
        Path report = temp.resolve("report.json");

        int exit = Main.run("scan", garbage.toString(), "--output", report.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(report).doesNotExist();
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("garbage.tar")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldExitTwoForMissingImage() {
        int exit = Main.run("scan", temp.resolve("absent.tar").toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("absent.tar not found");
    }

    @Test
    void shouldExitTwoForUnknownFormat() {
        int exit = Main.run("scan", "examples/demo-image", "--format", "xml");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--format");
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        for (String command : new String[] {"scan", "sbom"}) {
            stdout.reset();
            int exit = Main.run(command, "--help");

            assertThat(exit).isEqualTo(ExitCode.OK);
            assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Usage: portcullis " + command);
        }
    }
}
