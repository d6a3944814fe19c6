package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Layer;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the installed-package cataloger on the demo image. Uses the shared OCI layout
 * {@code ../shared/fixtures/images/demo-nest-api/oci} (tag demo-nest-api) and its expected list
 * {@code ../shared/fixtures/images/demo-nest-api/expected-npm.tsv} (columns: path, name, version).
 * The app lives in {@code /usr/src/app}, installed with {@code npm ci --omit=dev}; npm 10.8.2 is
 * installed globally in {@code /usr/local/lib/node_modules/npm}.
 */
class DemoImageNpmTest {

    private static final Path IMAGE = Path.of("../shared/fixtures/images/demo-nest-api");
    private static final String APP_LAYER = "sha256:921902a496d41d3e7304e7d2c4f6450dcd6ae4421bce6a590863ed1965df2dca";
    private static final String NODE_LAYER = "sha256:b63465efd5598481f996b5143129b5af8543439adb9142c68483b48330aef76c";

    @TempDir
    static Path root;

    private static List<Package> packages;
    private static List<Dependency> dependencies;
    private static List<Skipped> skipped;

    @BeforeAll
    static void catalogDemoImage() throws IOException {
        Path layout = IMAGE.resolve("oci");
        Map<String, Integer> layers = OciLayoutExtract.extract(layout, "demo-nest-api",
                path -> path.endsWith("/package.json") || path.endsWith("package-lock.json"), root);
        List<Layer> layerList = OciLayoutExtract.layers(layout, "demo-nest-api");
        skipped = new ArrayList<>();
        CatalogContext context = new CatalogContext(FolderFileResolver.rootFilesystem(root, layers), Distro.UNKNOWN, layerList,
                skipped::add);
        CatalogResult result = new PackageJsonCataloger().catalogWithDependencies(context);
        packages = result.packages();
        dependencies = result.dependencies();
    }

    @Test
    void shouldFindEveryExpectedPackageWithItsPath() throws IOException {
        List<String> lines = Files.readAllLines(IMAGE.resolve("expected-npm.tsv"));
        assertThat(lines.getFirst()).isEqualTo("path\tname\tversion");
        Set<String> expected = Set.copyOf(lines.subList(1, lines.size()));

        Set<String> actual = packages.stream()
                .map(p -> folder(p) + "\t" + p.name() + "\t" + p.version())
                .collect(Collectors.toSet());

        assertThat(expected).hasSize(355);
        assertThat(packages).hasSize(355);
        assertThat(actual).isEqualTo(expected);
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldKeepBothExpressVersionsApart() {
        Package topLevel = at("/usr/src/app/node_modules/express");
        Package nested = at("/usr/src/app/node_modules/@nestjs/platform-express/node_modules/express");

        assertThat(topLevel.version()).isEqualTo("4.17.1");
        assertThat(topLevel.purl()).isEqualTo("pkg:npm/express@4.17.1");
        assertThat(topLevel.properties()).containsEntry("direct", "true").containsEntry("scope", "prod");
        assertThat(nested.version()).isEqualTo("5.1.0");
        assertThat(nested.properties()).containsEntry("direct", "false").containsEntry("scope", "prod");
    }

    @Test
    void shouldDescribeScopedPackage() {
        Package nestCore = at("/usr/src/app/node_modules/@nestjs/core");

        assertThat(nestCore.purl()).isEqualTo("pkg:npm/%40nestjs/core@11.1.6");
        assertThat(nestCore.foundBy()).isEqualTo("npm-package-cataloger");
        assertThat(nestCore.locations()).containsExactly("/usr/src/app/node_modules/@nestjs/core/package.json");
        assertThat(nestCore.licenses()).containsExactly("MIT");
        assertThat(nestCore.properties()).containsEntry("direct", "true");
    }

    @Test
    void shouldMarkNpmBundleAsTooling() {
        List<Package> npmBundle = packages.stream()
                .filter(p -> folder(p).startsWith("/usr/local/lib/node_modules/npm"))
                .toList();
        List<Package> app = packages.stream().filter(p -> folder(p).startsWith("/usr/src/app/")).toList();

        assertThat(npmBundle).hasSize(202);
        assertThat(npmBundle).allSatisfy(p -> assertThat(p.properties()).containsEntry("tooling", "true"));
        assertThat(app).hasSize(153);
        assertThat(app).allSatisfy(p -> assertThat(p.properties()).doesNotContainKey("tooling"));
    }

    @Test
    void shouldClassifyAppPackagesAsProduction() {
        List<Package> app = packages.stream().filter(p -> folder(p).startsWith("/usr/src/app/")).toList();
        long direct = app.stream().filter(p -> "true".equals(p.properties().get("direct"))).count();

        assertThat(app).allSatisfy(p -> assertThat(p.properties()).containsEntry("scope", "prod"));
        // package.json names seven production dependencies, all installed at the top level.
        assertThat(direct).isEqualTo(7);
    }

    @Test
    void shouldLeaveOutDevelopmentPackagesNotOnDisk() {
        Set<String> names = packages.stream().map(Package::name).collect(Collectors.toSet());

        // The app's lockfile lists these four development packages; npm ci --omit=dev did not install them.
        assertThat(names).doesNotContain("typescript", "@types/lodash", "@types/node", "undici-types");
    }

    @Test
    void shouldAttributePackagesToTheirLayer() {
        assertThat(at("/usr/src/app/node_modules/lodash").layer().digest()).isEqualTo(APP_LAYER);
        assertThat(at("/usr/local/lib/node_modules/npm").layer().digest()).isEqualTo(NODE_LAYER);
    }

    @Test
    void shouldLinkPlatformExpressToNestedExpress() {
        Package platformExpress = at("/usr/src/app/node_modules/@nestjs/platform-express");
        Package nestedExpress = at("/usr/src/app/node_modules/@nestjs/platform-express/node_modules/express");
        Package topLevelExpress = at("/usr/src/app/node_modules/express");

        assertThat(dependencies).contains(Dependency.dependsOn(platformExpress, nestedExpress));
        assertThat(dependencies).doesNotContain(Dependency.dependsOn(platformExpress, topLevelExpress));
        assertThat(dependencies).contains(Dependency.rootDependsOn(topLevelExpress));
        assertThat(dependencies).doesNotContain(Dependency.rootDependsOn(nestedExpress));
    }

    @Test
    void shouldLinkExpressToItsOwnDependencies() {
        // express 4.17.1 declares body-parser 1.19.0, and express 5.1.0 declares body-parser ^2.2.0.
        assertThat(targets("/usr/src/app/node_modules/express")).contains("/usr/src/app/node_modules/body-parser");
        assertThat(at("/usr/src/app/node_modules/body-parser").version()).isEqualTo("1.19.0");
        String nestedBodyParser = targets("/usr/src/app/node_modules/@nestjs/platform-express/node_modules/express")
                .stream().filter(target -> target.endsWith("/body-parser")).findFirst().orElseThrow();
        assertThat(at(nestedBodyParser).version()).startsWith("2.");
    }

    @Test
    void shouldLinkImageToDirectDependencies() {
        List<String> fromImage = dependencies.stream()
                .filter(d -> d.fromPackageId().equals(Dependency.ROOT_ID))
                .map(d -> folder(byId(d.toPackageId())))
                .sorted()
                .toList();

        // The seven production dependencies of the app's package.json, and npm installed globally.
        assertThat(fromImage).containsExactly(
                "/usr/local/lib/node_modules/npm",
                "/usr/src/app/node_modules/@nestjs/common",
                "/usr/src/app/node_modules/@nestjs/core",
                "/usr/src/app/node_modules/@nestjs/platform-express",
                "/usr/src/app/node_modules/express",
                "/usr/src/app/node_modules/lodash",
                "/usr/src/app/node_modules/reflect-metadata",
                "/usr/src/app/node_modules/rxjs");
    }

    @Test
    void shouldKeepNpmBundleEdgesInsideNpm() {
        List<String> npmTargets = targets("/usr/local/lib/node_modules/npm");

        assertThat(npmTargets).isNotEmpty()
                .allSatisfy(target -> assertThat(target).startsWith("/usr/local/lib/node_modules/npm/node_modules/"));
        assertThat(dependencies).allSatisfy(d -> assertThat(d.kind()).isEqualTo(Dependency.Kind.DEPENDS_ON));
    }

    private static List<String> targets(String folder) {
        String id = Dependency.idOf(at(folder));
        return dependencies.stream()
                .filter(d -> d.fromPackageId().equals(id))
                .map(d -> folder(byId(d.toPackageId())))
                .toList();
    }

    private static Package byId(String id) {
        return packages.stream().filter(p -> Dependency.idOf(p).equals(id)).findFirst().orElseThrow();
    }

    private static Package at(String folder) {
        return packages.stream().filter(p -> folder(p).equals(folder)).findFirst().orElseThrow();
    }

    private static String folder(Package p) {
        String location = p.locations().getFirst();
        return location.substring(0, location.length() - "/package.json".length());
    }
}
