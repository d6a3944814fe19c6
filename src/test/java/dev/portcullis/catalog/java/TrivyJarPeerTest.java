package dev.portcullis.catalog.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trivy's jar parser expectations from EXPECTED.tsv in {@link #FOLDER}, run in offline mode. Rows of
 * archives that were not copied, and rows that need Trivy's online Maven Central lookup, are skipped
 * with that reason.
 */
class TrivyJarPeerTest {

    static final Path FOLDER = Path.of("../shared/fixtures/peer/trivy/java/jar");

    /**
     * Rows where we decide otherwise, with the reason. Trivy names test.jar's artifact "Spring
     * Framework" from Implementation-Title, but a Maven artifactId cannot contain spaces, so we take the
     * OSGi Bundle-SymbolicName, which is unique by the OSGi specification.
     */
    static final Map<String, String> DEVIATIONS = Map.of(
            "org.springframework:Spring Framework@2.5.6.SEC03",
            "org.springframework:org.springframework.core@2.5.6.SEC03");

    static CatalogRun run;

    record Row(String archive, String coordinates, String pathChain, String note) {

        boolean online() {
            return note.startsWith("online mode") || note.contains("artifactId search");
        }

        boolean archivePresent() {
            return Files.exists(FOLDER.resolve(archive));
        }
    }

    @BeforeAll
    static void catalogFolder() {
        run = CatalogRun.of(new JavaArchiveCataloger(), FOLDER);
    }

    static List<Row> rows() {
        try (Stream<String> lines = Files.lines(FOLDER.resolve("EXPECTED.tsv"))) {
            return lines.skip(1).map(line -> line.split("\t", -1)).map(TrivyJarPeerTest::row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(String[] columns) {
        String[] gav = columns[1].split(":", 2);
        String coordinates = gav[0] + ":" + gav[1] + "@" + columns[2];
        String pathChain = "/" + columns[3].substring("testdata/".length()).replaceAll("\\.jar/", ".jar!/");
        return new Row(columns[0], DEVIATIONS.getOrDefault(coordinates, coordinates), pathChain, columns[5]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldFindTrivyPackage(Row row) {
        assumeTrue(row.archivePresent(), "archive not copied: " + row.archive());
        assumeTrue(!row.online(), "needs Trivy's online lookup: " + row.note());

        Set<String> chains = run.packages().stream()
                .filter(p -> CatalogRun.coordinates(p).equals(row.coordinates()))
                .map(p -> p.properties().get("pathChain"))
                .collect(Collectors.toSet());

        assertThat(chains).contains(row.pathChain());
    }

    static Stream<String> completeArchives() {
        Map<String, List<Row>> byArchive = rows().stream().collect(Collectors.groupingBy(Row::archive));
        return byArchive.entrySet().stream()
                .filter(e -> e.getValue().stream().allMatch(r -> r.archivePresent() && !r.online()))
                .map(Map.Entry::getKey)
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completeArchives")
    void shouldFindNothingElseInArchive(String archive) {
        Set<String> expected = rows().stream().filter(r -> r.archive().equals(archive))
                .map(Row::coordinates).collect(Collectors.toCollection(TreeSet::new));

        Set<String> found = run.packages().stream()
                .filter(p -> p.properties().get("pathChain").startsWith("/" + archive))
                .map(CatalogRun::coordinates)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(found).isEqualTo(expected);
    }
}
