package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.triage.DemoTriage;
import dev.portcullis.vulndb.feed.FeedImport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code report} on the demo image ({@code ../shared/fixtures/images/demo-nest-api/oci}) with
 * the database {@link DemoTriage} imports from {@code ../shared/vulndata}, plus the lifecycle data of
 * {@code ../shared/vulndata/distro} and {@code src/test/resources/vulndb/lifecycle}, the Dockerfile and
 * compose file in {@code src/test/resources/report/demo-nest-api}, and compares the Markdown and HTML
 * with the reviewed golden files beside them. One more run, without the Dockerfile and on a database
 * without lifecycle data, checks that the Base image section then claims no support status.
 */
class ReportCommandTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCommandTest.class);
    private static final String DEMO = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";
    private static final Path RESOURCES = Path.of("src/test/resources/report/demo-nest-api");
    private static final Pattern BAR = Pattern.compile(
            "<rect data-group=\"(\\w+)\" data-label=\"(\\w+)\" data-count=\"(\\d+)\"");

    @TempDir
    static Path temp;

    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static final String AS_OF = "2026-12-04";

    private static String markdown;
    private static String withoutLifecycle;
    private static String html;
    private static JsonNode json;

    @BeforeAll
    static void writeReports() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        Path plain = Files.createDirectories(temp.resolve("without-lifecycle"));
        int plainExit = Main.run("report", DEMO, "--db", DemoTriage.database(plain).toString(), "--as-of", AS_OF, "--output",
                plain.resolve("overview.md").toString(), "--quiet");
        assertThat(plainExit).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        withoutLifecycle = Files.readString(plain.resolve("overview.md"));

        String database = DemoTriage.database(temp).toString();
        new FeedImport(Clock.fixed(Instant.parse(AS_OF + "T00:00:00Z"), ZoneOffset.UTC)).run(Path.of(database),
                List.of(Path.of("../shared/vulndata/distro"), Path.of("src/test/resources/vulndb/lifecycle")),
                Optional.empty());
        for (String format : new String[] {"markdown", "html"}) {
            int exit = Main.run("report", DEMO, "--db", database, "--dockerfile", RESOURCES.resolve("Dockerfile").toString(),
                    "--compose", RESOURCES.resolve("compose.yaml").toString(), "--format", format, "--as-of", AS_OF,
                    "--output", temp.resolve("overview." + format).toString(), "--quiet");
            assertThat(exit).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        }
        int exit = Main.run("scan", DEMO, "--db", database, "--dockerfile", RESOURCES.resolve("Dockerfile").toString(),
                "--compose", RESOURCES.resolve("compose.yaml").toString(), "--format", "json", "--output",
                temp.resolve("scan.json").toString(), "--quiet");
        assertThat(exit).isEqualTo(ExitCode.OK);
        markdown = Files.readString(temp.resolve("overview.markdown"));
        html = Files.readString(temp.resolve("overview.html"));
        json = new ObjectMapper().readTree(temp.resolve("scan.json").toFile());
    }

    @AfterAll
    static void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void shouldMatchMarkdownGolden() throws Exception {
        assertGolden("overview.md", markdown);
    }

    @Test
    void shouldMatchHtmlGolden() throws Exception {
        assertGolden("overview.html", html);
    }

    @Test
    void shouldClaimNoSupportWithoutLifecycleData() {
        assertThat(withoutLifecycle)
                .contains("The database has no lifecycle data for debian, nodejs, so their support status is not"
                        + " judged; run `portcullis db update` to load it.")
                .contains("- [ ] base image supported and up to date (unknown): the database has no lifecycle data"
                        + " for debian, nodejs; run `portcullis db update` to load it")
                .doesNotContain("security support until")
                .doesNotContain("[x] base image supported");
    }

    @Test
    void shouldLoadNoExternalResources() {
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?https?:");
        assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\bsrc\\s*=");
        assertThat(html).doesNotContainPattern("(?i)@import");
        assertThat(html).doesNotContainPattern("(?i)url\\(");
        assertThat(html).doesNotContainPattern("(?i)<link\\b");
    }

    @Test
    void shouldDrawChartCountsOfJsonOutput() {
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> risks = new TreeMap<>();
        for (JsonNode finding : json.path("findings")) {
            verdicts.merge(finding.path("triage").path("verdict").path("status").asText(), 1, Integer::sum);
            risks.merge(finding.path("triage").path("risk").path("level").asText(), 1, Integer::sum);
        }
        Map<String, Integer> chartVerdicts = new TreeMap<>();
        Map<String, Integer> chartRisks = new TreeMap<>();
        Matcher bar = BAR.matcher(html);
        while (bar.find()) {
            int count = Integer.parseInt(bar.group(3));
            if (count > 0) {
                (bar.group(1).equals("verdict") ? chartVerdicts : chartRisks).put(bar.group(2), count);
            }
        }

        assertThat(verdicts).isNotEmpty();
        assertThat(chartVerdicts).isEqualTo(verdicts);
        assertThat(chartRisks).isEqualTo(risks);
    }

    @Test
    void shouldRenderInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "skipped: /usr/bin/chromium is not installed, so the HTML is not rendered");
        Path page = temp.resolve("overview.html").toAbsolutePath();
        Path png = Path.of("target/overview-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--screenshot=" + png, "--window-size=1280,2000", page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("chromium.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        LOG.info("Screenshot of the overview written to {}", png);

        assertThat(png).exists();
        byte[] header = Files.readAllBytes(png);
        assertThat(header.length).isGreaterThan(10_000);
        assertThat(new String(header, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private static void assertGolden(String name, String actual) throws Exception {
        Path golden = RESOURCES.resolve(name);
        Path written = Path.of("target", "actual-" + name);
        Files.writeString(written, actual);
        assertThat(Files.exists(golden)).as("golden file " + golden + "; review " + written + " and copy it there")
                .isTrue();
        assertThat(actual).as("compare with " + written).isEqualTo(Files.readString(golden));
    }
}
