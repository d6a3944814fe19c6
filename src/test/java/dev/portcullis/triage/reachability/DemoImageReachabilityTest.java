package dev.portcullis.triage.reachability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.npm.PackageJsonCataloger;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.Skipped;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the analysis on the demo image: the shared OCI layout
 * {@code ../shared/fixtures/images/demo-nest-api/oci}, tag demo-nest-api. Its config runs
 * {@code /usr/bin/dumb-init -- node dist/main.js} in {@code /usr/src/app}, a NestJS API whose compiled
 * main file imports lodash 4.17.15; express 4.17.1 is a direct but unused dependency, and
 * {@code @nestjs/platform-express} brings its own express 5.1.0. npm 10.8.2 is installed globally.
 */
class DemoImageReachabilityTest {

    private static final Logger LOG = LoggerFactory.getLogger(DemoImageReachabilityTest.class);
    private static final String IMAGE = "oci:../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";
    private static final String APP = "/usr/src/app";
    private static final String MODULES = APP + "/node_modules";

    private static OpenedImage image;
    private static List<Package> packages;
    private static ReachabilityReport report;

    @BeforeAll
    static void analyzeDemoImage() throws Exception {
        PackageJsonCataloger cataloger = new PackageJsonCataloger();
        image = new ImageOpener(ImageOptions.defaults())
                .open(IMAGE, ReachabilityAnalyzer.fileRequest().or(cataloger.request()));
        List<Skipped> skipped = new ArrayList<>();
        packages = cataloger.catalog(new CatalogContext(image.files(), Distro.UNKNOWN, image.metadata().layers(),
                skipped::add));
        long start = System.nanoTime();
        report = new ReachabilityAnalyzer(ReachabilityOptions.defaults())
                .analyze(image.files(), image.metadata().config(), packages);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long retained = image.files().glob("/**").stream()
                .filter(FileEntry::isRegularFile)
                .filter(entry -> ReachabilityAnalyzer.fileRequest().accepts(entry.path()))
                .mapToLong(FileEntry::size).sum();
        LOG.info("Demo image: {} packages, {} files and {} bytes scanned in {} ms; request keeps {} bytes",
                packages.size(), report.filesScanned(), report.bytesScanned(), elapsedMillis,
                retained);
        report.warnings().forEach(warning -> LOG.info("Analysis warning: {}", warning));
    }

    @AfterAll
    static void closeImage() {
        image.close();
    }

    @Test
    void shouldStartFromTheCompiledMainFile() {
        assertThat(report.entryPoints()).extracting(EntryPoint::file).containsExactly(APP + "/dist/main.js");
    }

    @Test
    void shouldReachLodashWithItsImportChain() {
        Reachability lodash = report.forPackageJson(MODULES + "/lodash/package.json").orElseThrow();

        assertThat(lodash).isInstanceOf(Reachability.Reached.class);
        List<ImportStep> chain = ((Reachability.Reached) lodash).chain();
        assertThat(chain).extracting(ImportStep::file).containsExactly(APP + "/dist/main.js",
                APP + "/dist/app.module.js", APP + "/dist/app.controller.js");
        assertThat(chain.getLast().specifier()).isEqualTo("lodash");
        assertThat(chain.getLast().target()).isEqualTo(MODULES + "/lodash/lodash.js");
    }

    @Test
    void shouldNotReachTheUnusedTopLevelExpress() {
        Reachability express = report.forPackageJson(MODULES + "/express/package.json").orElseThrow();

        assertThat(express).isInstanceOf(Reachability.NotReached.class);
        assertThat(((Reachability.NotReached) express).searched()).containsExactly(new EntryPoint(
                APP + "/dist/main.js", "image config: /usr/bin/dumb-init -- node dist/main.js in /usr/src/app"));
    }

    @Test
    void shouldReachTheExpressNestedInPlatformExpress() {
        String nested = MODULES + "/@nestjs/platform-express/node_modules/express";
        Reachability express = report.forPackageJson(nested + "/package.json").orElseThrow();

        assertThat(express).isInstanceOf(Reachability.Reached.class);
        ImportStep last = ((Reachability.Reached) express).chain().getLast();
        assertThat(last).isEqualTo(new ImportStep(MODULES + "/@nestjs/platform-express/adapters/express-adapter.js",
                10, "express", nested + "/index.js"));
    }

    @Test
    void shouldReachPlatformExpressThroughTheAdapterLoader() {
        Reachability platform = report.forPackageJson(MODULES + "/@nestjs/platform-express/package.json")
                .orElseThrow();

        assertThat(platform).isInstanceOf(Reachability.Reached.class);
        assertThat(((Reachability.Reached) platform).chain().getLast()).isEqualTo(new ImportStep(
                MODULES + "/@nestjs/core/nest-factory.js", 167, "@nestjs/platform-express",
                MODULES + "/@nestjs/platform-express/index.js"));
    }

    @Test
    void shouldResolveEsmLoaderFromCallSite() {
        Reachability fileType = report.forPackageJson(MODULES + "/file-type/package.json").orElseThrow();

        assertThat(fileType).isInstanceOf(Reachability.Reached.class);
        assertThat(((Reachability.Reached) fileType).chain().getLast()).isEqualTo(new ImportStep(
                MODULES + "/load-esm/index.js", 2, "file-type", MODULES + "/file-type/index.js"));
    }

    @Test
    void shouldNameViewEngineRequire() {
        Reachability minimist = report.forPackageJson(MODULES + "/minimist/package.json").orElseThrow();

        assertThat(minimist).isInstanceOf(Reachability.PossiblyReached.class);
        UndeterminedLoad cause = ((Reachability.PossiblyReached) minimist).causes().getFirst();
        assertThat(cause.location())
                .isEqualTo(MODULES + "/@nestjs/platform-express/node_modules/express/lib/view.js:81");
        assertThat(cause.reason()).isEqualTo("require(mod) with a computed specifier");
        assertThat(cause.chain().getLast().target()).isEqualTo(cause.file());
    }

    @Test
    void shouldNotReachAnyPackageBundledWithNpm() {
        List<PackageReachability> bundled = report.packages().values().stream()
                .filter(p -> p.packageJson().startsWith("/usr/local/lib/node_modules/npm/"))
                .toList();

        assertThat(bundled).hasSize(202);
        assertThat(bundled).allSatisfy(p -> assertThat(p.reachability()).isInstanceOf(Reachability.NotReached.class));
    }

    @Test
    void shouldClassifyEveryInstalledPackage() {
        assertThat(report.packages()).hasSize(packages.size());
        assertThat(packages).allSatisfy(pkg -> assertThat(report.forPackage(pkg)).isPresent());
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void shouldScanEveryScriptInTheImage() throws Exception {
        List<String> scripts = image.files().glob("/**").stream()
                .filter(FileEntry::isRegularFile)
                .map(FileEntry::path)
                .filter(path -> path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs"))
                .toList();
        List<String> failures = new ArrayList<>();

        for (String script : scripts) {
            try (InputStream in = image.files().open(script)) {
                ImportScanner.scan(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (JsSyntaxException e) {
                failures.add(script + ": " + e.getMessage());
            }
        }

        assertThat(scripts).hasSize(3737);
        assertThat(failures).isEmpty();
    }
}
