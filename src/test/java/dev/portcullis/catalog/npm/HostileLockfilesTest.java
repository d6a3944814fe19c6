package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Lockfiles with dependency cycles and invalid syntax, from {@code src/test/resources/catalog/npm}. */
class HostileLockfilesTest {

    private static final Path RESOURCES = Path.of("src/test/resources/catalog/npm");

    private final List<Skipped> skipped = new ArrayList<>();

    @Test
    void shouldEndOnPackageLockCycles() {
        Map<String, Map<String, String>> byName = byName(catalog(new PackageLockCataloger(), "cycle-npm"));

        assertThat(byName).containsOnlyKeys("a", "b");
        assertThat(byName.get("a")).containsEntry("direct", "true");
        assertThat(byName.get("b")).containsEntry("direct", "false");
        assertThat(skipped).extracting(Skipped::location).containsExactlyInAnyOrder(
                "/package-lock.json: node_modules/loop-one", "/package-lock.json: node_modules/loop-two");
        assertThat(skipped).allSatisfy(s -> assertThat(s.reason()).contains("links form a cycle"));
    }

    @Test
    void shouldEndOnYarnLockCycles() {
        Map<String, Map<String, String>> byName = byName(catalog(new YarnLockCataloger(), "cycle-yarn"));

        assertThat(byName.get("a")).containsEntry("scope", "prod").containsEntry("direct", "true");
        assertThat(byName.get("b")).containsEntry("scope", "prod").containsEntry("direct", "false");
        // c depends on itself.
        assertThat(byName.get("c")).containsEntry("scope", "dev").containsEntry("direct", "true");
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldEndOnPnpmLockCycles() {
        Map<String, Map<String, String>> byName = byName(catalog(new PnpmLockCataloger(), "cycle-pnpm"));

        assertThat(byName.get("a")).containsEntry("scope", "prod").containsEntry("direct", "true");
        assertThat(byName.get("b")).containsEntry("scope", "prod").containsEntry("direct", "false");
    }

    @Test
    void shouldSkipPackageLockThatIsNotJson() {
        List<Package> packages = catalog(new PackageLockCataloger(), "invalid/npm");

        assertThat(packages).isEmpty();
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("/package-lock.json");
            assertThat(s.reason()).startsWith("invalid JSON in lockfile");
        });
    }

    @Test
    void shouldSkipPnpmLockThatIsNotYaml() {
        List<Package> packages = catalog(new PnpmLockCataloger(), "invalid/pnpm");

        assertThat(packages).isEmpty();
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("/pnpm-lock.yaml");
            assertThat(s.reason()).contains("invalid YAML");
        });
    }

    private List<Package> catalog(Cataloger cataloger, String folder) {
        CatalogContext context = new CatalogContext(FolderFileResolver.rootFilesystem(RESOURCES.resolve(folder)), Distro.UNKNOWN,
                List.of(), skipped::add);
        return cataloger.catalog(context);
    }

    private static Map<String, Map<String, String>> byName(List<Package> packages) {
        return packages.stream().collect(Collectors.toMap(Package::name, Package::properties));
    }
}
