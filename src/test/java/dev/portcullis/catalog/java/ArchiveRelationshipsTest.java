package dev.portcullis.catalog.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveRelationshipsTest {

    private static final String APP = "/app/app.jar";
    private static final String SHADED = APP + "!/BOOT-INF/lib/client-2.0.jar";
    private static final String PLUGINS = APP + "!/BOOT-INF/lib/plugins.zip.jar";
    private static final String PLUGIN = PLUGINS + "!/lib/plugin-1.1.jar";

    @Test
    void shouldLinkShadedAndNestedArchives() {
        Package app = pkg("app", "1.0.0", APP, "manifest");
        Package client = pkg("client", "2.0", SHADED, "pom.properties");
        Package guava = pkg("guava", "31.1-jre", SHADED, "pom.properties");
        Package plugin = pkg("plugin", "1.1", PLUGIN, "filename");
        Map<String, List<Package>> byChain = new LinkedHashMap<>();
        byChain.put(APP, List.of(app));
        byChain.put(SHADED, List.of(guava, client));
        byChain.put(PLUGINS, List.of());
        byChain.put(PLUGIN, List.of(plugin));

        List<Dependency> dependencies = ArchiveRelationships.of(byChain);

        // client is the shaded jar's primary package, because its name is in the file name.
        // The plugins archive gave no package, so its plugin jar belongs to app.jar.
        assertThat(dependencies).containsExactly(
                Dependency.rootDependsOn(app),
                Dependency.contains(client, guava),
                Dependency.contains(app, client),
                Dependency.contains(app, plugin));
    }

    private static Package pkg(String name, String version, String chain, String source) {
        return new Package(PackageType.MAVEN, name, version, null, null, "pkg:maven/example/" + name + "@" + version,
                "java-archive-cataloger", List.of(chain), List.of(), null, List.of(),
                Map.of("pathChain", chain, "artifactId", name, "source", source));
    }
}
