package dev.portcullis.catalog.dotnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.java.CatalogRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotnetDepsCatalogerTest {

    @TempDir
    Path root;

    @Test
    void shouldReadLibrariesWithTheirType() throws IOException {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/Shop.deps.json"), """
                {"runtimeTarget": {"name": ".NETCoreApp,Version=v8.0"},
                 "libraries": {
                   "Shop/1.0.0": {"type": "project", "serviceable": false, "sha512": ""},
                   "Newtonsoft.Json/13.0.1": {"type": "package", "serviceable": true, "sha512": "sha512-x", "path": "newtonsoft.json/13.0.1"},
                   "NoVersion": {"type": "package"}
                 }}
                """);

        CatalogRun run = CatalogRun.of(new DotnetDepsCataloger(), root);

        assertThat(run.coordinates()).containsExactly("Shop@1.0.0", "Newtonsoft.Json@13.0.1");
        assertThat(run.packages().get(0).properties()).containsEntry("libraryType", "project");
        assertThat(run.packages().get(1).purl()).isEqualTo("pkg:nuget/Newtonsoft.Json@13.0.1");
        assertThat(run.skipped()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("/app/Shop.deps.json");
            assertThat(s.reason()).isEqualTo("library key is not Name/Version: NoVersion");
        });
    }
}
