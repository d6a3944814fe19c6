package dev.portcullis.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.feed.FeedImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matches language and Alpine packages against real records imported from
 * {@code ../shared/vulndata/ghsa} (npm and Maven GHSA records) and
 * {@code ../shared/vulndata/alpine-secdb/v3.11/main.yaml}.
 */
class EcosystemMatchTest {

    private static final Path VULNDATA = Path.of("../shared/vulndata");
    private static final Distro ALPINE = new Distro("alpine", "3.11.6", null, "Alpine Linux v3.11");

    @TempDir
    static Path temp;

    private static VulnDatabase database;

    @BeforeAll
    static void importData() throws Exception {
        Path file = temp.resolve("vuln.db");
        new FeedImport(TestDatabases.CLOCK).run(file, List.of(VULNDATA.resolve("ghsa"),
                VULNDATA.resolve("alpine-secdb/v3.11/main.yaml")), Optional.empty());
        database = VulnDatabase.open(file);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Arguments> packages() {
        return Stream.of(
                Arguments.of(pkg(PackageType.MAVEN, "org.apache.logging.log4j:log4j-core", "2.14.1", null),
                        "CVE-2021-44228", "fixed in 2.15.0"),
                Arguments.of(pkg(PackageType.MAVEN, "log4j-core", "2.14.1",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), "CVE-2021-44228", "fixed in 2.15.0"),
                Arguments.of(pkg(PackageType.MAVEN, "org.apache.logging.log4j:log4j-core", "2.17.1", null), null, null),
                Arguments.of(pkg(PackageType.MAVEN, "org.yaml:snakeyaml", "1.33", null), "CVE-2022-1471", "fixed in 2.0"),
                Arguments.of(pkg(PackageType.NPM, "express", "4.17.1", null), "CVE-2024-29041", "fixed in 4.19.2"),
                Arguments.of(pkg(PackageType.NPM, "express", "5.0.0-beta.1", null), "CVE-2024-29041", "fixed in 5.0.0-beta.3"),
                Arguments.of(pkg(PackageType.NPM, "express", "4.19.2", null), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void shouldMatchLanguagePackage(Package pkg, String id, String status) {
        List<Finding> findings = new Matcher(database).match(pkg, Distro.UNKNOWN);

        if (id == null) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.id()).isEqualTo(id);
            assertThat(finding.statusWords()).isEqualTo(status);
        });
    }

    static Stream<Arguments> alpinePackages() {
        return Stream.of(
                Arguments.of("2.4.39-r0", List.of("CVE-2019-10081", "CVE-2019-10082", "CVE-2019-9517")),
                Arguments.of("2.4.41-r0", List.of()));
    }

    @ParameterizedTest(name = "apache2 {0}")
    @MethodSource("alpinePackages")
    void shouldMatchAlpinePackageByOrigin(String version, List<String> expectedIds) {
        Package apache = new Package(PackageType.APK, "apache2-utils", version, "x86_64",
                new SourcePackage("apache2", version), "pkg:apk/alpine/apache2-utils@" + version, "apk-db-cataloger",
                List.of("/lib/apk/db/installed"), List.of(), null, List.of(), Map.of());

        List<Finding> findings = new Matcher(database).match(apache, ALPINE);

        assertThat(findings).extracting(Finding::id).containsAll(expectedIds);
        if (expectedIds.isEmpty()) {
            assertThat(findings).noneMatch(f -> f.fixedVersions().contains("2.4.41-r0"));
        } else {
            assertThat(findings).filteredOn(f -> expectedIds.contains(f.id()))
                    .allSatisfy(f -> assertThat(f.fixedVersions()).containsExactly("2.4.41-r0"));
        }
    }

    private static Package pkg(PackageType type, String name, String version, String purl) {
        return new Package(type, name, version, null, null, purl, "test", List.of("/app"), List.of(), null, List.of(),
                Map.of());
    }
}
