package dev.portcullis.catalog.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Claircore's real manifests and pom.properties in {@link #FOLDER}, packed here into jars named as the
 * originals were, against the ground truth in its GAV-from-pom-properties.tsv.
 */
class ClaircoreJarMetadataTest {

    static final Path FOLDER = Path.of("../shared/fixtures/peer/claircore/java-jar-metadata");

    @TempDir
    Path root;

    record Row(String jarFileName, String groupId, String artifactId, String version) {

        String baseName() {
            return jarFileName.substring(0, jarFileName.length() - ".jar".length());
        }
    }

    static List<Row> rows() {
        try (Stream<String> lines = Files.lines(FOLDER.resolve("GAV-from-pom-properties.tsv"))) {
            return lines.skip(1).map(line -> line.split("\t", -1))
                    .map(c -> new Row(c[0], c[1], c[2], c[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldTakeCoordinatesFromPomProperties(Row row) throws IOException {
        Path properties = FOLDER.resolve("properties/" + row.baseName() + ".pom.properties");
        Properties pom = new Properties();
        try (var in = Files.newInputStream(properties)) {
            pom.load(in);
        }
        TestArchive jar = TestArchive.create()
                .addFile("META-INF/maven/%s/%s/pom.properties".formatted(pom.getProperty("groupId"), pom.getProperty("artifactId")), properties);
        Path manifest = FOLDER.resolve("manifest/" + row.baseName() + ".MF");
        if (Files.exists(manifest)) {
            jar.addFile("META-INF/MANIFEST.MF", manifest);
        }
        jar.writeTo(root.resolve("usr/share/java/" + row.jarFileName()));

        CatalogRun run = CatalogRun.of(new JavaArchiveCataloger(), root);

        assertThat(run.coordinates()).contains(row.groupId() + ":" + row.artifactId() + "@" + row.version());
        assertThat(run.skipped()).isEmpty();
    }

    /**
     * Groups that the manifest alone gets wrong. Commons Codec keeps its legacy groupId
     * {@code commons-codec}, which no manifest field names, and Guava's bundle name
     * {@code com.google.guava} ends with the artifactId, which reads as a repeated artifactId.
     */
    static final Map<String, String> MANIFEST_GROUP_DEVIATIONS = Map.of(
            "commons-codec-1.9.jar", "org.apache.commons",
            "guava-27.0-jre.jar", "com.google");

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldNameJarFromManifestAlone(Row row) {
        assumeTrue(!row.jarFileName().startsWith("cassandra-driver-core"),
                "its pom.properties names the embedded jctools-core, not the jar");
        TestArchive.create()
                .addFile("META-INF/MANIFEST.MF", FOLDER.resolve("manifest/" + row.baseName() + ".MF"))
                .writeTo(root.resolve("usr/share/java/" + row.jarFileName()));

        CatalogRun run = CatalogRun.of(new JavaArchiveCataloger(), root);

        assertThat(run.packages()).singleElement().satisfies(pkg -> {
            assertThat(pkg.name()).isEqualTo(row.artifactId());
            assertThat(pkg.version()).isEqualTo(row.version());
            // Many manifests name no group at all; a group that is given must be the right one.
            String expectedGroup = MANIFEST_GROUP_DEVIATIONS.getOrDefault(row.jarFileName(), row.groupId());
            assertThat(pkg.properties().get("groupId")).isIn(expectedGroup, null);
        });
    }

    @Test
    void shouldNameShadedDriverFromManifest() {
        // Its only pom.properties is the embedded jctools-core 2.1.1, so the driver itself comes from the
        // manifest's Bundle-SymbolicName and the file name's version.
        Path manifest = FOLDER.resolve("manifest/cassandra-driver-core-3.11.0-shaded.MF");
        TestArchive.create()
                .addFile("META-INF/maven/org.jctools/jctools-core/pom.properties",
                        FOLDER.resolve("properties/cassandra-driver-core-3.11.0-shaded.pom.properties"))
                .addFile("META-INF/MANIFEST.MF", manifest)
                .writeTo(root.resolve("lib/cassandra-driver-core-3.11.0-shaded.jar"));

        CatalogRun run = CatalogRun.of(new JavaArchiveCataloger(), root);

        assertThat(run.coordinates()).containsExactlyInAnyOrder(
                "org.jctools:jctools-core@2.1.1", "com.datastax.driver:cassandra-driver-core@3.11.0-shaded");
    }

    @Test
    void shouldPreferFileNameVersionOverBundleVersion() {
        // ecj 4.6.1 declares Bundle-Version 3.12.1, the version of the Eclipse JDT bundle it repackages.
        TestArchive.create()
                .addFile("META-INF/MANIFEST.MF", FOLDER.resolve("manifest/ecj-4.6.1.MF"))
                .writeTo(root.resolve("lib/ecj-4.6.1.jar"));

        CatalogRun run = CatalogRun.of(new JavaArchiveCataloger(), root);

        assertThat(run.packages()).singleElement().satisfies(pkg -> {
            assertThat(pkg.name()).isEqualTo("ecj");
            assertThat(pkg.version()).isEqualTo("4.6.1");
            assertThat(pkg.properties()).containsEntry("source", "filename");
        });
    }
}
