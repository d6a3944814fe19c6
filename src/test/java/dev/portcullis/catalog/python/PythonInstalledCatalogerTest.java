package dev.portcullis.catalog.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.java.CatalogRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonInstalledCatalogerTest {

    static final Path ROOTFS = Path.of("src/test/resources/catalog/python/rootfs");
    static final String SITE = "/usr/local/lib/python3.12/site-packages";

    static CatalogRun run;

    @BeforeAll
    static void catalog() {
        run = CatalogRun.of(new PythonInstalledCataloger(), ROOTFS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "requests         | 2.31.0 | Apache 2.0   | pkg:pypi/requests@2.31.0         | " + SITE + "/requests-2.31.0.dist-info/METADATA",
        "Flask-SQLAlchemy | 3.1.1  | BSD-3-Clause | pkg:pypi/flask-sqlalchemy@3.1.1  | " + SITE + "/Flask_SQLAlchemy-3.1.1.dist-info/METADATA",
        "six              | 1.16.0 | MIT          | pkg:pypi/six@1.16.0              | " + SITE + "/six-1.16.0.egg-info",
        "PyYAML           | 6.0.1  | MIT License  | pkg:pypi/pyyaml@6.0.1            | /usr/lib/python3/dist-packages/PyYAML-6.0.1.egg-info/PKG-INFO",
    })
    void shouldReadInstalledMetadata(String name, String version, String license, String purl, String location) {
        List<Package> found = run.packages().stream().filter(p -> p.name().equals(name)).toList();

        assertThat(found).hasSize(1);
        Package pkg = found.getFirst();
        assertThat(pkg.version()).isEqualTo(version);
        assertThat(pkg.licenses()).containsExactly(license);
        assertThat(pkg.purl()).isEqualTo(purl);
        assertThat(pkg.locations()).containsExactly(location);
        assertThat(pkg.foundBy()).isEqualTo("python-installed-package-cataloger");
    }

    @Test
    void shouldOwnFilesListedInRecord() {
        Package requests = run.packages().stream().filter(p -> p.name().equals("requests")).findFirst().orElseThrow();

        assertThat(requests.files()).containsExactly(
                SITE + "/requests-2.31.0.dist-info/INSTALLER",
                SITE + "/requests-2.31.0.dist-info/METADATA",
                SITE + "/requests-2.31.0.dist-info/RECORD",
                SITE + "/requests/__init__.py",
                SITE + "/requests/odd,name.py",
                "/usr/local/bin/requests-cli");
    }

    @Test
    void shouldOwnFilesListedInInstalledFiles() {
        Package yaml = run.packages().stream().filter(p -> p.name().equals("PyYAML")).findFirst().orElseThrow();

        assertThat(yaml.files()).containsExactly(
                "/usr/lib/python3/dist-packages/yaml/__init__.py",
                "/usr/lib/python3/dist-packages/_yaml.cpython-311-x86_64-linux-gnu.so",
                "/usr/lib/python3/dist-packages/PyYAML-6.0.1.egg-info/PKG-INFO");
    }

    @Test
    void shouldSkipMetadataWithoutVersion() {
        assertThat(run.packages()).extracting(Package::name).doesNotContain("nover").hasSize(4);
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo(SITE + "/nover-1.0.dist-info/METADATA");
            assertThat(skipped.reason()).isEqualTo("Python metadata has no Version field; package not cataloged");
        });
    }
}
