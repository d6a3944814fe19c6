package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependency edges of yarn.lock and pnpm-lock.yaml, on small lockfiles written by each test. */
class YarnPnpmEdgesTest {

    @TempDir
    Path project;

    private final List<Skipped> skipped = new ArrayList<>();

    @Test
    void shouldLinkYarnEntriesAndProjectDependencies() throws IOException {
        Files.writeString(project.resolve("package.json"), """
                {"name": "app", "dependencies": {"promise": "^8.0.3"}, "devDependencies": {"jquery": "^3.2.1"}}""");
        Files.writeString(project.resolve("yarn.lock"), """
                # yarn lockfile v1


                asap@~2.0.6:
                  version "2.0.6"

                jquery@^3.2.1:
                  version "3.2.1"

                promise@^8.0.3:
                  version "8.0.3"
                  dependencies:
                    asap "~2.0.6"
                """);

        Set<String> edges = edges(new YarnLockCataloger());

        assertThat(edges).containsExactlyInAnyOrder(
                "root -> promise@8.0.3",
                "root -> jquery@3.2.1",
                "promise@8.0.3 -> asap@2.0.6");
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldLinkPnpmSnapshotsAndImporters() throws IOException {
        Files.writeString(project.resolve("pnpm-lock.yaml"), """
                lockfileVersion: '9.0'

                importers:
                  .:
                    dependencies:
                      express:
                        specifier: ^4.18.2
                        version: 4.18.2
                    devDependencies:
                      typescript:
                        specifier: 5.9.2
                        version: 5.9.2

                packages:
                  express@4.18.2:
                    resolution: {integrity: sha512-a}
                  debug@2.6.9:
                    resolution: {integrity: sha512-b}
                  ms@2.0.0:
                    resolution: {integrity: sha512-c}
                  typescript@5.9.2:
                    resolution: {integrity: sha512-d}

                snapshots:
                  express@4.18.2:
                    dependencies:
                      debug: 2.6.9
                  debug@2.6.9:
                    dependencies:
                      ms: 2.0.0
                  ms@2.0.0: {}
                  typescript@5.9.2: {}
                """);

        Set<String> edges = edges(new PnpmLockCataloger());

        assertThat(edges).containsExactlyInAnyOrder(
                "root -> express@4.18.2",
                "root -> typescript@5.9.2",
                "express@4.18.2 -> debug@2.6.9",
                "debug@2.6.9 -> ms@2.0.0");
        assertThat(skipped).isEmpty();
    }

    /** Returns each edge as {@code <name>@<version> -> <name>@<version>}, with {@code root} for the project. */
    private Set<String> edges(Cataloger cataloger) {
        CatalogResult result = cataloger.catalogWithDependencies(
                new CatalogContext(FolderFileResolver.rootFilesystem(project), Distro.UNKNOWN, List.of(), skipped::add));
        Map<String, String> nameById = new HashMap<>();
        for (Package pkg : result.packages()) {
            nameById.put(Dependency.idOf(pkg), pkg.name() + "@" + pkg.version());
        }
        nameById.put(Dependency.ROOT_ID, "root");
        return result.dependencies().stream()
                .map(d -> nameById.get(d.fromPackageId()) + " -> " + nameById.get(d.toPackageId()))
                .collect(Collectors.toSet());
    }
}
