package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dependency edges of package-lock.json files: small inline lockfiles for the resolution rules, and the
 * real lockfiles of {@code ../shared/fixtures/manifests/npm} ({@code <project>.package-lock.json} with
 * {@code <project>.package.json}) for the counts.
 */
class PackageLockEdgesTest {

    private static final Path MANIFESTS = Path.of("../shared/fixtures/manifests/npm");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> INSTALLED_GROUPS = List.of("dependencies", "optionalDependencies", "peerDependencies");

    @TempDir
    Path project;

    private final List<Skipped> skipped = new ArrayList<>();

    @Test
    void shouldResolveNearestNodeModulesFirst() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), """
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "app", "dependencies": {"express": "4.17.1", "@nestjs/platform-express": "11.1.6"},
                       "devDependencies": {"typescript": "5.9.2"}},
                  "node_modules/@nestjs/platform-express": {"version": "11.1.6", "dependencies": {"express": "5.1.0"}},
                  "node_modules/@nestjs/platform-express/node_modules/express": {"version": "5.1.0",
                       "dependencies": {"debug": "^4"}},
                  "node_modules/express": {"version": "4.17.1", "dependencies": {"debug": "2.6.9"}},
                  "node_modules/debug": {"version": "2.6.9"},
                  "node_modules/typescript": {"version": "5.9.2", "dev": true}
                }}""");

        Set<String> edges = edges(catalog());

        assertThat(edges).containsExactlyInAnyOrder(
                "root -> node_modules/express",
                "root -> node_modules/@nestjs/platform-express",
                "root -> node_modules/typescript",
                "node_modules/@nestjs/platform-express -> node_modules/@nestjs/platform-express/node_modules/express",
                "node_modules/@nestjs/platform-express/node_modules/express -> node_modules/debug",
                "node_modules/express -> node_modules/debug");
    }

    @Test
    void shouldTakeWorkspaceDependenciesFromItsFolderEntry() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), """
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "mono", "workspaces": ["packages/*"]},
                  "packages/api": {"name": "api", "version": "0.1.0", "dependencies": {"lodash": "^4"}},
                  "packages/api/node_modules/lodash": {"version": "4.17.21"},
                  "node_modules/api": {"resolved": "packages/api", "link": true},
                  "node_modules/lodash": {"version": "4.17.15"}
                }}""");

        Set<String> edges = edges(catalog());

        assertThat(edges).containsExactlyInAnyOrder(
                "root -> node_modules/api",
                "node_modules/api -> packages/api/node_modules/lodash");
    }

    @Test
    void shouldReadRequiresOfVersionOne() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), """
                {"lockfileVersion": 1, "requires": true, "dependencies": {
                  "a": {"version": "1.0.0", "requires": {"b": "^2.0.0", "c": "^1.0.0"},
                        "dependencies": {"b": {"version": "2.0.0"}}},
                  "b": {"version": "1.0.0"},
                  "c": {"version": "1.0.0", "requires": {"a": "^1.0.0"}}
                }}""");

        Set<String> edges = edges(catalog());

        // Without a package.json, the entries that nothing requires are the project's own: only b here.
        assertThat(edges).containsExactlyInAnyOrder(
                "root -> node_modules/b",
                "node_modules/a -> node_modules/a/node_modules/b",
                "node_modules/a -> node_modules/c",
                "node_modules/c -> node_modules/a");
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldLeaveOutNamesWithoutEntry() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), """
                {"lockfileVersion": 2, "packages": {
                  "": {"name": "app", "dependencies": {"a": "1"}},
                  "node_modules/a": {"version": "1.0.0", "optionalDependencies": {"fsevents": "2"},
                       "peerDependencies": {"react": "18"}}
                }}""");

        Set<String> edges = edges(catalog());

        assertThat(edges).containsExactly("root -> node_modules/a");
    }

    // Unreachable: declared names installed somewhere in the lockfile, but not in a node_modules folder
    // that Node.js searches from the declaring package. In ts-starter-2026-v3, @nestjs/common declares
    // the optional peer file-type, which is installed only nested under @xhmikosr packages.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "currencyservice-2021-v1, 641, 0, 11",
        "currencyservice-2022-v2, 910, 0, 15",
        "currencyservice-2026-v3, 584, 0, 15",
        "demo-nest-api-2026-v3, 268, 0, 10",
        "paymentservice-2021-v1, 584, 0, 9",
        "paymentservice-2026-v2, 487, 0, 13",
        "ts-starter-2018-v1, 2625, 0, 25",
        "ts-starter-2020-v1, 2467, 0, 26",
        "ts-starter-2022-v2, 1533, 0, 27",
        "ts-starter-2023-v2, 1437, 0, 28",
        "ts-starter-2026-v3, 1594, 1, 30",
    })
    void shouldGiveOneEdgePerDeclaredInstalledDependency(String fixture, int packageEdges, int unreachable,
            int rootEdges)             throws IOException {
        Files.copy(MANIFESTS.resolve(fixture + ".package-lock.json"), project.resolve("package-lock.json"));
        Files.copy(MANIFESTS.resolve(fixture + ".package.json"), project.resolve("package.json"));
        JsonNode lockfile = MAPPER.readTree(project.resolve("package-lock.json").toFile());
        JsonNode manifest = MAPPER.readTree(project.resolve("package.json").toFile());

        List<Dependency> dependencies = catalog().dependencies();

        long fromRoot = dependencies.stream().filter(d -> d.fromPackageId().equals(Dependency.ROOT_ID)).count();
        assertThat(dependencies.size() - fromRoot).isEqualTo(packageEdges);
        assertThat(declaredInstalled(lockfile) - unreachable).isEqualTo(packageEdges);
        assertThat(fromRoot).isEqualTo(rootEdges);
        assertThat(rootDeclared(lockfile, manifest)).isEqualTo(rootEdges);
        assertThat(dependencies).allSatisfy(d -> assertThat(d.kind()).isEqualTo(Dependency.Kind.DEPENDS_ON));
        assertThat(skipped).isEmpty();
    }

    /**
     * Counts, over every installed entry, the distinct names it declares that the lockfile installs
     * somewhere. Version 1 entries declare them in {@code requires}.
     */
    private static long declaredInstalled(JsonNode lockfile) {
        Map<String, JsonNode> entries = entries(lockfile);
        Set<String> installedNames = entries.keySet().stream()
                .map(key -> key.substring(key.lastIndexOf("node_modules/") + "node_modules/".length()))
                .collect(Collectors.toSet());
        List<String> groups = lockfile.path("lockfileVersion").asInt(1) >= 2 ? INSTALLED_GROUPS : List.of("requires");
        long count = 0;
        for (JsonNode entry : entries.values()) {
            if (entry.path("link").asBoolean(false)) {
                continue;
            }
            Set<String> names = new HashSet<>();
            groups.forEach(group -> entry.path(group).fieldNames().forEachRemaining(names::add));
            count += names.stream().filter(installedNames::contains).count();
        }
        return count;
    }

    /** Counts the names the project declares in any group that the lockfile installs at the top level. */
    private static long rootDeclared(JsonNode lockfile, JsonNode manifest) {
        Set<String> topLevel = entries(lockfile).keySet().stream()
                .filter(key -> key.lastIndexOf("node_modules/") == 0)
                .map(key -> key.substring("node_modules/".length()))
                .collect(Collectors.toSet());
        Set<String> names = new LinkedHashSet<>();
        for (String group : List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")) {
            manifest.path(group).fieldNames().forEachRemaining(names::add);
            lockfile.path("packages").path("").path(group).fieldNames().forEachRemaining(names::add);
        }
        return names.stream().filter(topLevel::contains).count();
    }

    /** Returns the installed entries by install path: {@code packages} keys, or nested version 1 entries. */
    private static Map<String, JsonNode> entries(JsonNode lockfile) {
        Map<String, JsonNode> entries = new HashMap<>();
        if (lockfile.path("lockfileVersion").asInt(1) >= 2) {
            lockfile.path("packages").properties().forEach(field -> {
                if (field.getKey().contains("node_modules/")) {
                    entries.put(field.getKey(), field.getValue());
                }
            });
        } else {
            addNested(lockfile.path("dependencies"), "", entries);
        }
        return entries;
    }

    private static void addNested(JsonNode dependencies, String prefix, Map<String, JsonNode> entries) {
        dependencies.properties().forEach(field -> {
            String path = prefix + "node_modules/" + field.getKey();
            entries.put(path, field.getValue());
            addNested(field.getValue().path("dependencies"), path + "/", entries);
        });
    }

    private CatalogResult catalog() {
        CatalogContext context = new CatalogContext(FolderFileResolver.rootFilesystem(project), Distro.UNKNOWN, List.of(),
                skipped::add);
        return new PackageLockCataloger().catalogWithDependencies(context);
    }

    /** Returns each edge as {@code <from lock path> -> <to lock path>}, with {@code root} for the project. */
    private static Set<String> edges(CatalogResult result) {
        Map<String, String> lockPathById = new HashMap<>();
        for (Package pkg : result.packages()) {
            lockPathById.put(Dependency.idOf(pkg), pkg.properties().get(NpmProperties.LOCK_PATH));
        }
        lockPathById.put(Dependency.ROOT_ID, "root");
        return result.dependencies().stream()
                .map(d -> lockPathById.get(d.fromPackageId()) + " -> " + lockPathById.get(d.toPackageId()))
                .collect(Collectors.toSet());
    }
}
