package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the lockfile parsers against Syft's expectations in
 * {@code ../shared/fixtures/peer/syft/javascript/EXPECTED.tsv} (columns: test_func, case, fixture,
 * name, version, kind, purl, extra, source), comparing package URLs.
 *
 * <p>Where Syft's expectation differs from ours on purpose, the case names what is left out and why:
 * <ul>
 *   <li>Syft reports the lockfile's root entry (the project itself, for example {@code npm 6.14.6} in
 *       package-lock-2.json and the {@code @workspace:.} entry of yarn berry). The root is the project
 *       being scanned, not one of its dependencies, so we do not report it.
 *   <li>Syft's package-lock.json parser and its "exclude dev dependencies" cases drop development
 *       packages; we report them with {@code scope=dev}, so those cases compare our production
 *       packages only.
 *   <li>Syft lists a name and version once; we report each install path, so the comparison takes
 *       distinct package URLs.
 *   <li>The remote licence search cases list one package of a larger lockfile, so they check that
 *       the package is among ours.
 * </ul>
 * {@code Test_mergePnpmPackages} tests a Go function with in-memory input and has no fixture here.
 */
class SyftJavascriptTest {

    private static final Path SYFT = Path.of("../shared/fixtures/peer/syft/javascript");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Predicate<Package> ALL = p -> true;
    private static final Predicate<Package> PRODUCTION = p -> "prod".equals(p.properties().get("scope"));
    /**
     * This pnpm fixture was trimmed, so its importer names devDependencies that its packages section
     * no longer contains. Syft adds such importer-only versions for production groups only. We add
     * them for every group because the importer pins them alike. The comparison therefore leaves out
     * development packages that have no packages entry, which shows as a missing integrity.
     */
    private static final Predicate<Package> LOCKED_IN_PACKAGES_OR_PRODUCTION =
            p -> PRODUCTION.test(p) || p.properties().containsKey("integrity");

    /** One Syft test and how to run it here. */
    record SyftCase(String test, String caseName, String fixture, Predicate<Package> compared, Set<String> projectRoots,
            boolean subset) {

        @Override
        public String toString() {
            return test + (caseName.isEmpty() ? "" : " " + caseName) + " (" + fixture + ")";
        }
    }

    static Stream<Arguments> cases() {
        List<SyftCase> cases = List.of(
                new SyftCase("TestParsePackageLock", "", "pkg-lock/package-lock.json", PRODUCTION, Set.of(), false),
                new SyftCase("Test_JavascriptCataloger", "", "pkg-lock/package-lock.json", PRODUCTION, Set.of(), false),
                new SyftCase("TestParsePackageLockV1NestedDependencies", "", "pkg-lock/nested-package-lock-1.json", PRODUCTION, Set.of(), false),
                new SyftCase("TestParsePackageLockV2", "", "pkg-lock/package-lock-2.json", PRODUCTION, Set.of("npm"), false),
                new SyftCase("TestParsePackageLockV3", "", "pkg-lock/package-lock-3.json", PRODUCTION, Set.of("lock-v3-fixture"), false),
                new SyftCase("TestParsePackageLockAlias", "", "pkg-lock/alias-package-lock-1.json", PRODUCTION, Set.of("alias-check"), false),
                new SyftCase("TestParsePackageLockAlias", "", "pkg-lock/alias-package-lock-2.json", PRODUCTION, Set.of("alias-check"), false),
                new SyftCase("TestParsePackageLockLicenseWithArray", "", "pkg-lock/array-license-package-lock.json", PRODUCTION, Set.of("tmp"), false),
                new SyftCase("TestParseYarnBerry", "", "yarn-berry/yarn.lock", ALL, Set.of("c0n-fab_u.laTION"), false),
                new SyftCase("TestParseYarnBerryWithDuplicates", "", "yarn-berry-dups/yarn.lock", ALL, Set.of(), false),
                new SyftCase("TestParseYarnLock", "", "yarn/yarn.lock", ALL, Set.of(), false),
                new SyftCase("TestParseYarnLockWithRelationships", "", "yarn-v1-deps/yarn.lock", ALL, Set.of(), false),
                new SyftCase("TestParseYarnLockWithDuplicates", "", "yarn-dups/yarn.lock", ALL, Set.of(), false),
                new SyftCase("TestSearchYarnForLicenses", "search remote licenses returns the expected licenses when search is set to true",
                        "yarn-remote/yarn.lock", ALL, Set.of(), true),
                new SyftCase("TestParseYarnLock_DevDependencies", "v1 include dev dependencies", "yarn-dev-deps/yarn.lock", ALL, Set.of(), false),
                new SyftCase("TestParseYarnLock_DevDependencies", "v1 exclude dev dependencies", "yarn-dev-deps/yarn.lock", PRODUCTION, Set.of(), false),
                new SyftCase("TestParseYarnLock_DevDependencies", "v2 (berry) include dev dependencies", "yarn-berry-dev-deps/yarn.lock", ALL, Set.of(), false),
                new SyftCase("TestParseYarnLock_DevDependencies", "v2 (berry) exclude dev dependencies", "yarn-berry-dev-deps/yarn.lock", PRODUCTION, Set.of(), false),
                new SyftCase("TestParsePnpmLock", "", "pnpm/pnpm-lock.yaml", LOCKED_IN_PACKAGES_OR_PRODUCTION, Set.of(), false),
                new SyftCase("TestParsePnpmLock_ExcludeDevDependencies", "", "pnpm/pnpm-lock.yaml", PRODUCTION, Set.of(), false),
                new SyftCase("TestParsePnpmV6Lock", "", "pnpm-v6/pnpm-lock.yaml", ALL, Set.of(), false),
                new SyftCase("TestParsePnpmLockV5PeerSuffix", "", "pnpm-v5-peer-suffix/pnpm-lock.yaml", ALL, Set.of(), false),
                new SyftCase("TestParsePnpmLockV9", "", "pnpm-v9/pnpm-lock.yaml", ALL, Set.of(), false),
                new SyftCase("TestParsePnpmLockV9WithDependencies", "", "pnpm-v9-snapshots/pnpm-lock.yaml", ALL, Set.of(), false),
                new SyftCase("TestParsePnpmLock_MultiDocument", "", "pnpm-multi-doc/pnpm-lock.yaml", ALL, Set.of(), false),
                new SyftCase("TestSearchPnpmForLicenses", "search remote licenses returns the expected licenses when search is set to true",
                        "pnpm-remote/pnpm-lock.yaml", ALL, Set.of(), true));
        List<Map<String, String>> rows = PeerRows.read(SYFT.resolve("EXPECTED.tsv"));
        return cases.stream().map(syftCase -> Arguments.of(syftCase, rows.stream()
                .filter(row -> row.get("test_func").equals(syftCase.test()) && row.get("case").equals(syftCase.caseName()))
                .toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchSyftExpectations(SyftCase syftCase, List<Map<String, String>> expectedRows) throws IOException {
        assertThat(expectedRows).isNotEmpty();
        List<String> expected = expectedRows.stream()
                .filter(row -> !syftCase.projectRoots().contains(row.get("name")))
                .map(row -> row.get("purl"))
                .toList();

        List<String> actual = catalog(syftCase.fixture()).stream()
                .filter(syftCase.compared())
                .map(Package::purl)
                .distinct()
                .toList();

        if (syftCase.subset()) {
            assertThat(actual).containsAll(expected);
        } else {
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Runs the cataloger for the fixture's format; a fixture named other than the format's file is parsed directly. */
    private static List<Package> catalog(String fixture) throws IOException {
        Path file = SYFT.resolve(fixture);
        String location = "/" + fixture;
        if (fixture.endsWith("/package-lock.json")) {
            CatalogContext context = new CatalogContext(FolderFileResolver.rootFilesystem(file.getParent()), Distro.UNKNOWN,
                    List.of(), skipped -> {});
            return new PackageLockCataloger().catalog(context);
        }
        if (fixture.endsWith(".json")) {
            return toPackages(new PackageLockParser(location, skipped -> {}).parse(MAPPER.readTree(file.toFile()), null),
                    PackageLockCataloger.NAME, location);
        }
        if (fixture.endsWith("yarn.lock")) {
            Path manifestFile = file.resolveSibling("package.json");
            PackageJson manifest = null;
            if (Files.exists(manifestFile)) {
                try (InputStream in = Files.newInputStream(manifestFile)) {
                    manifest = PackageJson.read(in);
                }
            }
            return toPackages(new YarnLockParser(location, skipped -> {}).parse(Files.readString(file), manifest),
                    YarnLockCataloger.NAME, location);
        }
        return toPackages(new PnpmLockParser(location, skipped -> {}).parse(Files.readString(file)),
                PnpmLockCataloger.NAME, location);
    }

    private static List<Package> toPackages(List<LockedPackage> locked, String foundBy, String location) {
        List<Package> packages = new ArrayList<>();
        locked.forEach(entry -> packages.add(entry.toPackage(foundBy, location, null)));
        return packages;
    }
}
