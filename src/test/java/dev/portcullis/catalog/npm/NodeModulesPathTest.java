package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeModulesPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/app/node_modules/express/package.json, true",
        "/app/node_modules/@nestjs/core/package.json, true",
        "/app/node_modules/a/node_modules/b/package.json, true",
        "/node_modules/express/package.json, true",
        "/app/package.json, false",
        "/app/node_modules/express/lib/package.json, false",
        "/app/node_modules/@nestjs/package.json, false",
        "/app/node_modules/.bin/package.json, false",
        "/app/node_modules/@/x/package.json, false",
        "/app/node_modules/express/package.json.bak, false",
    })
    void shouldTellPackageManifests(String path, boolean expected) {
        assertThat(NodeModulesPath.isPackageManifest(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/usr/local/lib/node_modules/npm, true",
        "/usr/local/lib/node_modules/npm/node_modules/semver, true",
        "/usr/lib/node_modules/npm/node_modules/@npmcli/arborist, true",
        "/usr/local/lib/node_modules/corepack, true",
        "/usr/local/lib/node_modules/yarn, true",
        "/opt/yarn-v1.22.22, true",
        "/root/.cache/node/corepack/v1/pnpm/9.1.0, true",
        "/usr/local/lib/node_modules/npmlog, false",
        "/usr/local/lib/node_modules/typescript, false",
        "/usr/src/app/node_modules/npm, false",
    })
    void shouldTellTooling(String folder, boolean expected) {
        assertThat(NodeModulesPath.isTooling(folder)).isEqualTo(expected);
    }

    @Test
    void shouldListProjectCandidatesOutermostFirst() {
        assertThat(NodeModulesPath.projectCandidates("/app/node_modules/a/node_modules/@s/b"))
                .containsExactly("/app", "/app/node_modules/a");
        assertThat(NodeModulesPath.projectCandidates("/node_modules/a")).containsExactly("/");
    }

    @Test
    void shouldResolveLikeNode() {
        var installed = java.util.Set.of("node_modules/a", "node_modules/b", "node_modules/a/node_modules/b");

        assertThat(InstalledProject.resolve("node_modules/a", "b", installed)).isEqualTo("node_modules/a/node_modules/b");
        assertThat(InstalledProject.resolve("node_modules/b", "a", installed)).isEqualTo("node_modules/a");
        assertThat(InstalledProject.resolve("", "missing", installed)).isNull();
    }
}
