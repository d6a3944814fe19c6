package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Cataloger;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests and names of the npm catalogers. The image reader keeps only requested file content, so
 * each cataloger must request every file it opens.
 */
class CatalogerRequestTest {

    private static final Map<String, Cataloger> CATALOGERS = Map.of(
            "installed", new PackageJsonCataloger(),
            "npm", new PackageLockCataloger(),
            "yarn", new YarnLockCataloger(),
            "pnpm", new PnpmLockCataloger());

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "installed, /usr/src/app/node_modules/express/package.json, true",
        "installed, /usr/src/app/node_modules/@nestjs/core/package.json, true",
        "installed, /usr/src/app/package.json, true",
        "installed, /usr/src/app/package-lock.json, true",
        "installed, /usr/src/app/npm-shrinkwrap.json, true",
        "installed, /usr/src/app/node_modules/.package-lock.json, true",
        "installed, /package.json, true",
        "installed, /usr/src/app/yarn.lock, false",
        "npm,       /work/package-lock.json, true",
        "npm,       /package-lock.json, true",
        "npm,       /work/package.json, true",
        "npm,       /work/npm-shrinkwrap.json, true",
        "yarn,      /work/yarn.lock, true",
        "yarn,      /work/package.json, true",
        "pnpm,      /work/pnpm-lock.yaml, true",
        "pnpm,      /work/package-lock.json, false",
    })
    void shouldRequestFilesItReads(String cataloger, String path, boolean accepted) {
        assertThat(CATALOGERS.get(cataloger).request().accepts(path)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "installed, npm-package-cataloger",
        "npm,       npm-lockfile-cataloger",
        "yarn,      yarn-lock-cataloger",
        "pnpm,      pnpm-lock-cataloger",
    })
    void shouldUseKebabCaseName(String cataloger, String name) {
        assertThat(CATALOGERS.get(cataloger).name()).isEqualTo(name);
    }
}
