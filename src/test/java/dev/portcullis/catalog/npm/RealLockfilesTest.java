package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Catalogs the real lockfiles of {@code ../shared/fixtures/manifests/npm} (each
 * {@code <project>.package-lock.json} with its {@code <project>.package.json}), placed in a project
 * folder under their usual names. The expected counts are the lockfile's entries without the root
 * (nested {@code dependencies} for version 1, {@code packages} keys for versions 2 and 3) and the
 * entries flagged {@code dev} or {@code devOptional}.
 */
class RealLockfilesTest {

    private static final Path MANIFESTS = Path.of("../shared/fixtures/manifests/npm");

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "currencyservice-2021-v1, 454, 198",
        "currencyservice-2022-v2, 483, 0",
        "currencyservice-2026-v3, 300, 0",
        "demo-nest-api-2026-v3,   157, 4",
        "paymentservice-2021-v1,  414, 199",
        "paymentservice-2026-v2,  237, 0",
        "ts-starter-2018-v1,     1445, 1285",
        "ts-starter-2020-v1,     1443, 1312",
        "ts-starter-2022-v2,      907, 797",
        "ts-starter-2023-v2,      745, 636",
        "ts-starter-2026-v3,      818, 720",
    })
    void shouldReportEveryLockfileEntry(String fixture, int entries, int development) throws IOException {
        List<Skipped> skipped = new ArrayList<>();

        List<Package> packages = catalog(fixture, skipped);

        assertThat(packages).hasSize(entries);
        assertThat(packages.stream().filter(p -> "dev".equals(p.properties().get("scope")))).hasSize(development);
        assertThat(packages).allSatisfy(p -> {
            assertThat(p.foundBy()).isEqualTo("npm-lockfile-cataloger");
            assertThat(p.locations()).containsExactly("/package-lock.json");
        });
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldTellDirectDevelopmentDependencies() throws IOException {
        List<Package> packages = catalog("demo-nest-api-2026-v3", new ArrayList<>());

        Package typescript = named(packages, "typescript");
        Package undiciTypes = named(packages, "undici-types");
        Package lodash = named(packages, "lodash");
        assertThat(typescript.properties()).containsEntry("scope", "dev").containsEntry("direct", "true");
        assertThat(undiciTypes.properties()).containsEntry("scope", "dev").containsEntry("direct", "false");
        assertThat(lodash.properties()).containsEntry("scope", "prod").containsEntry("direct", "true");
        assertThat(lodash.version()).isEqualTo("4.17.15");
    }

    @Test
    void shouldTellDirectDependenciesOfVersionOneFromPackageJson() throws IOException {
        List<Package> packages = catalog("ts-starter-2018-v1", new ArrayList<>());

        Set<String> directNames;
        try (InputStream in = Files.newInputStream(MANIFESTS.resolve("ts-starter-2018-v1.package.json"))) {
            directNames = PackageJson.read(in).directNames();
        }
        List<String> direct = packages.stream()
                .filter(p -> "true".equals(p.properties().get("direct")))
                .map(Package::name)
                .toList();
        assertThat(direct).isNotEmpty().allSatisfy(name -> assertThat(directNames).contains(name));
        assertThat(direct).hasSameSizeAs(directNames);
    }

    private List<Package> catalog(String fixture, List<Skipped> skipped) throws IOException {
        Files.copy(MANIFESTS.resolve(fixture + ".package-lock.json"), project.resolve("package-lock.json"));
        Files.copy(MANIFESTS.resolve(fixture + ".package.json"), project.resolve("package.json"));
        CatalogContext context = new CatalogContext(FolderFileResolver.rootFilesystem(project), Distro.UNKNOWN, List.of(),
                skipped::add);
        return new PackageLockCataloger().catalog(context);
    }

    private static Package named(List<Package> packages, String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
