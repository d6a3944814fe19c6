package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.fixtures.OciLayoutWriter;
import dev.portcullis.image.fixtures.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code triage --report} with the Trivy and Grype reports in
 * {@code src/test/resources/triage/reports} against a small Debian 12 image written here: libfoo1,
 * whose changelog names the backported CVE-2099-1000, and libbar2, below its fixed version. Each report
 * also names libgone3, which the image does not contain.
 */
class TriageCommandTest {

    private static final String CHANGELOG = """
            foo (1.0-1+deb12u1) bookworm-security; urgency=high

              * Backport upstream fix for CVE-2099-1000 (heap overflow in parse_header).

             -- Jane Maintainer <jane@example.org>  Mon, 02 Mar 2026 10:00:00 +0000

            foo (1.0-1) unstable; urgency=medium

              * Initial release.

             -- Jane Maintainer <jane@example.org>  Mon, 05 Jan 2026 10:00:00 +0000
            """;
    private static final String STATUS = """
            Package: libfoo1
            Status: install ok installed
            Architecture: amd64
            Source: foo
            Version: 1.0-1+deb12u1

            Package: libbar2
            Status: install ok installed
            Architecture: amd64
            Source: bar
            Version: 2.0-1

            """;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private String image;

    @BeforeEach
    void writeImage() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        byte[] layer = TarBuilder.tar()
                .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
                .file("var/lib/dpkg/status", STATUS)
                .file("usr/share/doc/libfoo1/changelog.Debian.gz", gzip(CHANGELOG))
                .gzip();
        OciLayoutWriter layout = new OciLayoutWriter(temp.resolve("oci"));
        layout.index(List.of(layout.image(List.of(layer), null, "debian")));
        image = layout.root() + ":debian";
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @ParameterizedTest(name = "{0} report")
    @ValueSource(strings = {"trivy", "grype"})
    void shouldGiveEveryReportedFindingVerdict(String scanner) throws Exception {
        int exit = Main.run("triage", "--report", "src/test/resources/triage/reports/" + scanner + ".json", image,
                "--skip-db", "--format", "json", "--quiet");

        assertThat(exit).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(stdout.toByteArray());
        assertThat(root.path("findings")).hasSize(2);
        assertThat(verdict(root, "CVE-2099-1000")).isEqualTo("already_patched");
        assertThat(verdict(root, "CVE-2099-2000")).isEqualTo("affected");
        assertThat(root.path("notMatched")).hasSize(1);
        assertThat(root.path("notMatched").get(0).path("id").asText()).isEqualTo("CVE-2099-3000");
        assertThat(root.path("notMatched").get(0).path("scanner").asText()).isEqualTo(scanner);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("CVE-2099-3000 in libgone3 3.0-1 from",
                "is not matched: the image contains no such package");
    }

    @ParameterizedTest(name = "{0} report")
    @ValueSource(strings = {"trivy", "grype"})
    void shouldListNotMatchedInTable(String scanner) {
        int exit = Main.run("triage", "--report", "src/test/resources/triage/reports/" + scanner + ".json", image,
                "--skip-db", "--format", "table", "--quiet");

        assertThat(exit).isEqualTo(ExitCode.OK);
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("ALREADY_PATCHED (1)", "AFFECTED (1)",
                "NOT MATCHED (1): the image contains no such package", "CVE-2099-3000  libgone3  3.0-1  (" + scanner + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"nothing\": []}", "not json"})
    void shouldRejectUnknownReport(String content) throws Exception {
        Path report = java.nio.file.Files.writeString(temp.resolve("report.json"), content);

        int exit = Main.run("triage", "--report", report.toString(), image, "--skip-db", "--quiet");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(report.toString(), "Trivy", "Grype");
    }

    private static String verdict(JsonNode root, String id) {
        for (JsonNode finding : root.path("findings")) {
            if (finding.path("id").asText().equals(id)) {
                return finding.path("triage").path("verdict").path("status").asText();
            }
        }
        return "missing";
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
