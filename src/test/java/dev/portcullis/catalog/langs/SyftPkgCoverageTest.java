package dev.portcullis.catalog.langs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.dotnet.DotnetDepsCataloger;
import dev.portcullis.catalog.golang.GoBinaryCataloger;
import dev.portcullis.catalog.golang.GoModCataloger;
import dev.portcullis.catalog.java.CatalogRun;
import dev.portcullis.catalog.java.JavaArchiveCataloger;
import dev.portcullis.catalog.php.ComposerLockCataloger;
import dev.portcullis.catalog.python.PipfileLockCataloger;
import dev.portcullis.catalog.python.PoetryLockCataloger;
import dev.portcullis.catalog.python.PythonInstalledCataloger;
import dev.portcullis.catalog.python.RequirementsCataloger;
import dev.portcullis.catalog.python.UvLockCataloger;
import dev.portcullis.catalog.ruby.GemfileLockCataloger;
import dev.portcullis.catalog.rust.CargoLockCataloger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syft's multi-ecosystem coverage folder ({@link #FOLDER}) scanned as a directory, against the
 * directory-mode rows of its EXPECTED.tsv for the language ecosystems cataloged here. Rows whose input
 * format is not cataloged here are skipped with the reason.
 */
class SyftPkgCoverageTest {

    static final Path FOLDER = Path.of("../shared/fixtures/peer/syft/pkg-coverage");
    static final Path EXPECTED = Path.of("../shared/fixtures/peer/syft/pkg-coverage-EXPECTED.tsv");

    /** Syft package types mapped to ours. */
    static final Map<String, String> TYPES = Map.of(
            "pkg.PythonPkg", "pypi", "pkg.JavaPkg", "maven", "pkg.JenkinsPluginPkg", "maven", "pkg.GoModulePkg", "golang",
            "pkg.GemPkg", "gem", "pkg.RustPkg", "cargo", "pkg.PhpComposerPkg", "composer", "pkg.DotnetPkg", "nuget");

    /** Cases whose input is a format no cataloger here reads. */
    static final Map<String, String> NOT_CATALOGED = Map.of(
            "find java packages including pom.xml", "pom.xml declares dependencies, it does not install them; not cataloged");

    static List<Package> packages;

    record Row(String mode, String caseName, String type, String name, String version) {

        @Override
        public String toString() {
            return type + " " + name + "@" + version;
        }
    }

    @BeforeAll
    static void scan() {
        List<Cataloger> catalogers = List.of(new JavaArchiveCataloger(), new PythonInstalledCataloger(),
                new RequirementsCataloger(), new PoetryLockCataloger(), new PipfileLockCataloger(), new UvLockCataloger(),
                new GoModCataloger(), new GoBinaryCataloger(), new GemfileLockCataloger(), new CargoLockCataloger(),
                new ComposerLockCataloger(), new DotnetDepsCataloger());
        packages = new ArrayList<>();
        catalogers.forEach(cataloger -> packages.addAll(CatalogRun.of(cataloger, FOLDER).packages()));
    }

    static Stream<Row> rows() throws IOException {
        try (Stream<String> lines = Files.lines(EXPECTED)) {
            return lines.skip(1).map(line -> line.split("\t", -1))
                    .map(c -> new Row(c[0], c[1], c[2], c[3], c[4]))
                    .filter(row -> row.mode().contains("directory") && TYPES.containsKey(row.type()))
                    .toList().stream();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldFindSyftPackage(Row row) {
        assumeTrue(!NOT_CATALOGED.containsKey(row.caseName()), () -> NOT_CATALOGED.get(row.caseName()));
        // Syft reads mypy from the extras_require of setup.py. A setup.py is a program whose lists can be
        // computed at run time, so no cataloger here reads it.
        assumeTrue(!row.name().equals("mypy"), "setup.py is executable code; not cataloged");
        // Syft's directory scan adds bundler and unbundler from gemspec files beside the Gemfile.lock.
        assumeTrue(!row.type().equals("pkg.GemPkg") || !row.name().endsWith("bundler"), "gemspec files are not cataloged");

        String type = TYPES.get(row.type());
        List<String> versions = packages.stream()
                .filter(p -> p.type().purlType().equals(type) && sameName(type, p.name(), row.name()))
                .map(Package::version)
                .toList();

        assertThat(versions).contains(row.version());
    }

    private static boolean sameName(String type, String found, String expected) {
        if (type.equals("pypi")) {
            return normalize(found).equals(normalize(expected));
        }
        return found.equals(expected);
    }

    private static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }
}
