package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the package.json variants of {@code ../shared/fixtures/peer/syft/javascript/pkg-json}. Syft's
 * expectations for these live in Go test code that EXPECTED.tsv does not carry, so the values here
 * are read from the files themselves.
 */
class PackageJsonTest {

    private static final Path FOLDER = Path.of("../shared/fixtures/peer/syft/javascript/pkg-json");
    private static final String IZS = "Isaac Z. Schlueter <i@izs.me> (http://blog.izs.me)";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "package-license-object.json   | ISC               | " + IZS,
        "package-license-objects.json  | MIT;Apache-2.0    | " + IZS,
        "package-malformed-license.json| MIT               | " + IZS,
        "package-nested-author.json    | Artistic-2.0      | " + IZS,
        "package-author-non-standard.json | Artistic-2.0   | npm Inc. (https://www.npmjs.com/)",
        "package-no-license.json       | ''                | " + IZS,
    })
    void shouldReadLicensesAndAuthor(String fixture, String licenses, String author) throws IOException {
        PackageJson packageJson = read(fixture);

        assertThat(packageJson.name()).isEqualTo("npm");
        assertThat(packageJson.version()).isEqualTo("6.14.6");
        assertThat(packageJson.licenses()).isEqualTo(licenses.isEmpty() ? List.of() : List.of(licenses.split(";")));
        assertThat(packageJson.author()).isEqualTo(author);
        assertThat(packageJson.isPackage()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"package-partial.json"})
    void shouldTellFileWithoutNameIsNoPackage(String fixture) throws IOException {
        assertThat(read(fixture).isPackage()).isFalse();
    }

    private static PackageJson read(String fixture) throws IOException {
        try (InputStream in = Files.newInputStream(FOLDER.resolve(fixture))) {
            return PackageJson.read(in);
        }
    }
}
