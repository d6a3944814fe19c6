package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs {@code scan --db PATH} through {@link Main#run} on the bundled example image
 * ({@code examples/demo-image}) with paths that are no vulnerability database: each exits 2 before
 * the image is read, with one error line that names the path and how to build a database.
 */
class ScanDatabaseInputTest {

    private static final String IMAGE = "examples/demo-image";

    @TempDir
    Path temp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            random bytes | vuln.db
            JSON file    | osv.json
            """)
    void shouldRejectFileThatIsNotSqlite(String kind, String name) throws IOException {
        Path file = temp.resolve(name);
        if (kind.equals("random bytes")) {
            Files.write(file, randomBytes());
        } else {
            Files.writeString(file, "{\"id\": \"GHSA-0000-0000-0000\", \"affected\": []}\n");
        }

        int exit = Main.run("scan", IMAGE, "--db", file.toString(), "--format", "json");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo("portcullis: error: " + file + " is not a vulnerability database (not an SQLite"
                + " file): pass the file that `portcullis db update` or `portcullis db import PATH` writes; when "
                + file + " is a feed file, import it with `portcullis db import " + file + "`" + System.lineSeparator());
        assertThat(streams.out().length()).isZero();
    }

    @Test
    void shouldRejectEmptyFile() throws IOException {
        Path file = Files.createFile(temp.resolve("empty.db"));

        int exit = Main.run("scan", IMAGE, "--db", file.toString(), "--format", "json");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).isEqualTo("portcullis: error: " + file + " is an empty file, not a vulnerability database:"
                + " build one there with `portcullis db update --db " + file + "`, or with `portcullis db import --db "
                + file + " PATH` from feed files" + System.lineSeparator());
        assertThat(streams.out().length()).isZero();
    }

    @Test
    void shouldRejectEmptyFolderWithoutFeedOption() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("feeds"));

        int exit = Main.run("scan", IMAGE, "--db", folder.toString(), "--format", "json");

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(streams.err()).startsWith("portcullis: error: no vulnerability data in the folder " + folder + ": none of"
                + " its files could be read as a feed. Pass a database file built by `portcullis db update` or"
                + " `portcullis db import PATH`, or a folder of feed files (");
        assertThat(streams.err()).doesNotContain("--feed");
        assertThat(streams.err().lines()).hasSize(1);
        assertThat(streams.out().length()).isZero();
    }

    @Test
    void shouldNoteImportedRecordCount() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("feeds"));
        Files.writeString(folder.resolve("GHSA-35jh-r3h4-6jhm.json"), ONE_OSV_RECORD);

        int exit = Main.run("scan", IMAGE, "--db", folder.toString(), "--format", "json");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(streams.err()).contains("portcullis: imported 1 record from the feed folder " + folder);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    // An OSV record written for this test, shaped like the GHSA export of lodash's command injection.
    private static final String ONE_OSV_RECORD = """
            {
              "schema_version": "1.6.0",
              "id": "GHSA-35jh-r3h4-6jhm",
              "modified": "2024-01-01T00:00:00Z",
              "aliases": ["CVE-2021-23337"],
              "affected": [{
                "package": {"ecosystem": "npm", "name": "lodash"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "4.17.21"}]}]
              }]
            }
            """;
}
