package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code triage --report} through {@link Main#run} with a report file that does not exist. */
class TriageReportInputTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void shouldNameMissingReport() {
        Path missing = temp.resolve("trivy.json");

        int exit = Main.run("triage", "--report", missing.toString(), "examples/demo-image", "--skip-db", "--quiet");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo("portcullis: error: scanner report " + missing + " not found; pass the"
                + " JSON file that Trivy (--format json) or Grype (-o json) wrote" + System.lineSeparator());
        assertThat(streams.out()).isEmpty();
    }
}
