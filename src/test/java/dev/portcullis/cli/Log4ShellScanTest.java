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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans a project folder containing the real {@code log4j-core-2.14.1.jar} from
 * {@code ../shared/fixtures/manifests/maven/jars} against a feed folder made of the GitHub advisory
 * {@code ../shared/vulndata/ghsa/maven/GHSA-jfh8-c2jp-5v3q.json} and the CISA KEV catalog
 * {@code ../shared/vulndata/kev/known_exploited_vulnerabilities.json}, as a user would.
 */
class Log4ShellScanTest {

    private static final Path JAR = Path.of("../shared/fixtures/manifests/maven/jars/log4j-core-2.14.1.jar");
    private static final Path ADVISORY = Path.of("../shared/vulndata/ghsa/maven/GHSA-jfh8-c2jp-5v3q.json");
    private static final Path KEV = Path.of("../shared/vulndata/kev/known_exploited_vulnerabilities.json");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @TempDir
    Path temp;

    @BeforeEach
    void captureStdout() {
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(originalOut);
    }

    @Test
    void shouldFlagLog4ShellAsKnownExploited() throws IOException {
        Path project = Files.createDirectories(temp.resolve("app/lib"));
        Files.copy(JAR, project.resolve("log4j-core-2.14.1.jar"));
        Path feeds = temp.resolve("feeds");
        Files.createDirectories(feeds.resolve("ghsa"));
        Files.createDirectories(feeds.resolve("kev"));
        Files.copy(ADVISORY, feeds.resolve("ghsa/GHSA-jfh8-c2jp-5v3q.json"));
        Files.copy(KEV, feeds.resolve("kev/known_exploited_vulnerabilities.json"));

        int exit = Main.run("scan", temp.resolve("app").toString(), "--db", feeds.toString(), "--format", "json",
                "--quiet");

        assertThat(exit).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(stdout.toByteArray());
        List<JsonNode> findings = new ArrayList<>();
        root.path("findings").forEach(findings::add);
        assertThat(findings).hasSize(1);
        JsonNode finding = findings.getFirst();
        assertThat(finding.path("id").asText()).isEqualTo("CVE-2021-44228");
        assertThat(finding.path("aliases").toString()).contains("GHSA-jfh8-c2jp-5v3q");
        assertThat(finding.path("package").path("purl").asText())
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(finding.path("installedVersion").asText()).isEqualTo("2.14.1");
        assertThat(finding.path("fixedVersions").toString()).contains("2.15.0");
        assertThat(finding.path("kev").path("dateAdded").asText()).isEqualTo("2021-12-10");
        assertThat(finding.path("kev").path("knownRansomwareCampaignUse").asText()).isEqualTo("Known");
    }
}
