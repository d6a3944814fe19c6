package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Layer;
import dev.portcullis.image.Skipped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalogs {@code src/test/resources/catalog/npm/installed}, a root filesystem with an app in
 * {@code /app} (no lockfile, so scopes come from walking package.json dependencies; {@code a} and
 * {@code b} depend on each other) and two global installs.
 */
class PackageJsonCatalogerTest {

    private static final Path ROOT = Path.of("src/test/resources/catalog/npm/installed");

    private final List<Skipped> skipped = new ArrayList<>();
    private List<Package> packages;

    @BeforeEach
    void catalog() {
        Layer base = new Layer(0, "sha256:base", null, 1, null, null);
        Layer app = new Layer(1, "sha256:app", null, 1, null, null);
        Map<String, Integer> layerByPath = Map.of("/app/node_modules/a/package.json", 1);
        CatalogContext context = new CatalogContext(FolderFileResolver.rootFilesystem(ROOT, layerByPath), Distro.UNKNOWN,
                List.of(base, app), skipped::add);
        packages = new PackageJsonCataloger().catalog(context);
    }

    @Test
    void shouldReportOnlyPackageRoots() {
        assertThat(packages).extracting(p -> p.name() + "@" + p.version()).containsExactlyInAnyOrder(
                "@scope/c@2.0.0", "a@1.2.0", "b@1.0.1", "d@4.0.0", "b@2.0.0", "corepack@0.29.3", "typescript@5.9.2");
    }

    @Test
    void shouldSkipInvalidPackageJsonAndGoOn() {
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("/app/node_modules/broken/package.json");
            assertThat(s.reason()).startsWith("invalid package.json").endsWith("this package is left out");
        });
        assertThat(packages).hasSize(7);
    }

    @Test
    void shouldReadLicensesAuthorAndPurl() {
        Package a = at("/app/node_modules/a");
        Package c = at("/app/node_modules/@scope/c");

        assertThat(a.licenses()).containsExactly("ISC");
        assertThat(a.properties()).containsEntry("author", "Ann Author <ann@example.org>");
        assertThat(a.purl()).isEqualTo("pkg:npm/a@1.2.0");
        assertThat(c.licenses()).containsExactly("MIT", "Apache-2.0");
        assertThat(c.purl()).isEqualTo("pkg:npm/%40scope/c@2.0.0");
    }

    @Test
    void shouldWalkDependenciesForScopeWithoutLockfile() {
        assertThat(at("/app/node_modules/a").properties()).containsEntry("scope", "prod").containsEntry("direct", "true");
        // b is reached through a, and a again through b: the walk ends.
        assertThat(at("/app/node_modules/b").properties()).containsEntry("scope", "prod").containsEntry("direct", "false");
        assertThat(at("/app/node_modules/d").properties()).containsEntry("scope", "dev").containsEntry("direct", "true");
        assertThat(at("/app/node_modules/d/node_modules/b").properties()).containsEntry("scope", "dev");
    }

    @Test
    void shouldMarkGlobalToolingOnly() {
        Package corepack = at("/usr/local/lib/node_modules/corepack");
        Package typescript = at("/usr/local/lib/node_modules/typescript");

        assertThat(corepack.properties()).containsEntry("tooling", "true").doesNotContainKeys("scope", "direct");
        assertThat(typescript.properties()).doesNotContainKey("tooling");
    }

    @Test
    void shouldAttributeLayerOfPackageJson() {
        assertThat(at("/app/node_modules/a").layer().digest()).isEqualTo("sha256:app");
        assertThat(at("/app/node_modules/b").layer()).isNull();
    }

    private Package at(String folder) {
        return packages.stream()
                .filter(p -> p.locations().getFirst().equals(folder + "/package.json"))
                .findFirst()
                .orElseThrow();
    }
}
