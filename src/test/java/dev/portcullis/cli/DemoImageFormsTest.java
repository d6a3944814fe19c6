package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.fixtures.ImageArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scans the demo image ({@code ../shared/fixtures/images/demo-nest-api/oci}) in each form a user has it
 * and checks the Debian packages against {@code expected-dpkg.tsv}, as {@code dpkg-query} reported them
 * inside the image, and the layer that added each.
 */
class DemoImageFormsTest {

    private static final Path DEMO = Path.of("../shared/fixtures/images/demo-nest-api");
    private static final Path LAYOUT = DEMO.resolve("oci");
    private static final Path SKOPEO = Path.of("/usr/bin/skopeo");
    private static final List<String> SECOND_LAYER = List.of("ca-certificates", "dumb-init", "libssl3", "openssl");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"oci-layout", "oci-archive", "docker-archive"})
    void shouldFindExpectedDpkgPackagesInEveryForm(String form) throws Exception {
        Path report = work.resolve("report.json");

        int exit = Main.run("scan", reference(form), "--skip-db", "--format", "json", "--quiet",
                "--output", report.toString());

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(Files.readString(report));
        Map<String, String> found = new TreeMap<>();
        Map<String, Integer> layerOf = new TreeMap<>();
        for (JsonNode pkg : root.path("packages")) {
            if (pkg.path("type").asText().equals("deb")) {
                String row = String.join("\t", pkg.path("name").asText(), pkg.path("source").path("name").asText(),
                        pkg.path("source").path("version").asText(), pkg.path("version").asText(),
                        pkg.path("architecture").asText());
                found.put(pkg.path("name").asText(), row);
                layerOf.put(pkg.path("name").asText(), pkg.path("layer").path("index").asInt());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(DEMO.resolve("expected-dpkg.tsv"))) {
            if (!line.isBlank()) {
                expected.put(line.substring(0, line.indexOf('\t')), line);
            }
        }
        assertThat(found).hasSize(92).containsExactlyEntriesOf(expected);
        List<String> inSecondLayer = new ArrayList<>();
        layerOf.forEach((name, layer) -> {
            if (layer == 1) {
                inSecondLayer.add(name);
            }
        });
        assertThat(inSecondLayer).containsExactlyElementsOf(SECOND_LAYER);
        assertThat(layerOf.values().stream().filter(layer -> layer == 0).count()).isEqualTo(88);
    }

    private String reference(String form) throws IOException, InterruptedException {
        return switch (form) {
            case "oci-layout" -> LAYOUT + ":demo-nest-api";
            case "oci-archive" -> ImageArchives.ociArchive(LAYOUT, work.resolve("demo-oci.tar")) + ":demo-nest-api";
            default -> skopeoDockerArchive().toString();
        };
    }

    private Path skopeoDockerArchive() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SKOPEO), "install the Debian package skopeo to test its docker-save tarballs");
        Path archive = work.resolve("demo-skopeo.tar");
        Process process = new ProcessBuilder(SKOPEO.toString(), "copy", "--quiet", "oci:" + LAYOUT + ":demo-nest-api",
                "docker-archive:" + archive + ":demo:1")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("skopeo.log").toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("skopeo.log"))).isZero();
        return archive;
    }
}
