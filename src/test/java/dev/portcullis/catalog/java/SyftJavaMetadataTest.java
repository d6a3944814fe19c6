package dev.portcullis.catalog.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Syft's manifest and pom.properties fixtures in {@link #FOLDER}, which carry edge cases of the two
 * formats: odd separators, continuation lines, stray lines and dates after a version.
 */
class SyftJavaMetadataTest {

    static final Path FOLDER = Path.of("../shared/fixtures/peer/syft/java");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "small.pom.properties                         | example-java-app-maven | 0.1.0",
        "extra.pom.properties                         | example-java-app-maven | 0.1.0",
        "colon-delimited.pom.properties               | example-java-app-maven | 0.1.0",
        "colon-delimited-with-equals.pom.properties   | example-java=app-maven | 0.1.0=something",
        "equals-delimited-with-colons.pom.properties  | example-java:app-maven | 0.1.0:something",
    })
    void shouldSplitPomPropertiesAtFirstSeparator(String file, String artifactId, String version) throws IOException {
        // Java properties end a key at the first '=' or ':', so the other one stays in the value.
        try (InputStream in = Files.newInputStream(FOLDER.resolve("pom/" + file))) {
            PomProperties pom = PomProperties.parse(in, file).orElseThrow();

            assertThat(pom.groupId()).isEqualTo("org.anchore");
            assertThat(pom.artifactId()).isEqualTo(artifactId);
            assertThat(pom.version()).isEqualTo(version);
        }
    }

    @Test
    void shouldJoinContinuationLines() throws IOException {
        assertThat(mainAttributes("continuation")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Manifest-Version", "1.0",
                "Plugin-ScmUrl", "https://github.com/jenkinsci/plugin-pom/example-jenkins-plugin"));
    }

    @ParameterizedTest
    @CsvSource({"extra-empty-lines", "extra-info"})
    void shouldStopMainSectionAtFirstEmptyLine(String file) throws IOException {
        assertThat(mainAttributes(file)).containsOnlyKeys("Manifest-Version", "Archiver-Version", "Created-By");
    }

    @Test
    void shouldIgnoreLinesWithoutColon() throws IOException {
        Map<String, String> attributes = mainAttributes("leading-space");

        assertThat(attributes).containsOnlyKeys("Key-keykeykey", "should");
        assertThat(attributes.get("Key-keykeykey").strip()).isEqualTo("initialconfig:com");
        assertThat(attributes.get("should")).isEqualTo("parse");
    }

    @Test
    void shouldReadStandardInfo() throws IOException {
        JarManifest manifest = manifest("standard-info");

        assertThat(manifest.implementationTitle()).isEqualTo("the-impl-title");
        assertThat(manifest.implementationVersion()).isEqualTo("the-impl-version");
        assertThat(manifest.implementationVendor()).isEqualTo("the-impl-vendor");
        assertThat(manifest.specificationTitle()).isEqualTo("the-spec-title");
        assertThat(manifest.specificationVersion()).isEqualTo("the-spec-version");
    }

    @Test
    void shouldKeepFirstWordOfVersionWithDate() throws IOException {
        assertThat(manifest("version-with-date").implementationVersion()).isEqualTo("1.3");
    }

    private static Map<String, String> mainAttributes(String file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(FOLDER.resolve("manifest/" + file))) {
            return JarManifest.mainAttributes(reader);
        }
    }

    private static JarManifest manifest(String file) throws IOException {
        try (InputStream in = Files.newInputStream(FOLDER.resolve("manifest/" + file))) {
            return JarManifest.parse(in);
        }
    }
}
