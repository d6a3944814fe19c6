package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.EpssScore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the hand-written fixture {@code src/test/resources/vulndb/epss/epss_scores-2099-05-01.csv}, plain and gzipped. */
class EpssImporterTest {

    private static final Path CSV = Path.of("src/test/resources/vulndb/epss/epss_scores-2099-05-01.csv");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void shouldImportScoresWithModelAndDate(boolean gzip) throws IOException {
        Path file = gzip ? gzip(CSV) : CSV;
        CollectingSink sink = new CollectingSink();

        new EpssImporter().importFrom(file, sink);

        LocalDate day = LocalDate.of(2099, 5, 1);
        assertThat(sink.epss).containsExactly(
                new EpssScore("CVE-2021-44228", 0.94358, 0.99957, day, "v2025.03.14"),
                new EpssScore("CVE-2099-4000", 0.00043, 0.12001, day, "v2025.03.14"),
                new EpssScore("CVE-2023-4911", 0.71234, 0.98210, day, "v2025.03.14"));
        assertThat(sink.dates).containsEntry("epss", Instant.parse("2099-05-01T00:00:00Z"));
        assertThat(sink.replaced).containsExactly("epss");
        assertThat(sink.skipped).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo(file.getFileName() + ":5");
            assertThat(w.reason()).isEqualTo("invalid number in \"CVE-2099-4001,not-a-number,0.5\"; row skipped");
        });
    }

    private Path gzip(Path source) throws IOException {
        Path target = temp.resolve(source.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }
}
