package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks package-lock.json parsing against Trivy's expectations in
 * {@code ../shared/fixtures/peer/trivy/nodejs/npm/EXPECTED.tsv} (columns: fixture, name, version,
 * relationship Direct/Indirect/Unknown, dev, id).
 *
 * <p>Trivy reports one package per name and version; where a lockfile installs the same version at
 * several paths (a bundled copy inside a development package and a production copy at the top level),
 * it is development only when every copy is, and direct when any copy is. We report each path, so the
 * test merges copies the same way before comparing. A blank dev cell is Trivy's default, false.
 */
class TrivyNpmLockTest {

    static final Path FOLDER = Path.of("../shared/fixtures/peer/trivy/nodejs/npm");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> fixtures() {
        return PeerRows.groupedBy(FOLDER.resolve("EXPECTED.tsv"), "fixture").entrySet().stream()
                .map(group -> Arguments.of(group.getKey(), group.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldMatchTrivyExpectations(String fixture, List<Map<String, String>> expectedRows) throws IOException {
        List<LockedPackage> locked = parse(fixture, new ArrayList<>());

        Set<String> expected = new TreeSet<>();
        for (Map<String, String> row : expectedRows) {
            expected.add(row.get("name") + "@" + row.get("version") + " " + row.get("relationship") + " dev="
                    + (row.get("dev").isEmpty() ? "false" : row.get("dev")));
        }
        assertThat(merged(locked)).isEqualTo(expected);
    }

    @Test
    void shouldSkipDanglingLink() throws IOException {
        List<Skipped> skipped = new ArrayList<>();

        List<LockedPackage> locked = parse("package-lock_v3_broken_link.json", skipped);

        // The only node_modules entry is a link whose "resolved" is empty, so nothing is left to report.
        assertThat(locked).isEmpty();
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.location()).endsWith("package-lock_v3_broken_link.json: node_modules/func1");
            assertThat(s.reason()).contains("link target '' is not in the lockfile");
        });
    }

    @Test
    void shouldReadLegacyLicenseObjects() throws IOException {
        List<LockedPackage> locked = parse("package-lock_v3_with_legacy_licenses.json", new ArrayList<>());

        assertThat(locked).allSatisfy(p -> assertThat(p.licenses()).isNotEmpty());
    }

    private static List<LockedPackage> parse(String fixture, List<Skipped> skipped) throws IOException {
        Path file = FOLDER.resolve(fixture);
        return new PackageLockParser(file.toString(), skipped::add).parse(MAPPER.readTree(file.toFile()), null);
    }

    /** Merges copies of one name and version the way Trivy does, and writes them in the TSV's terms. */
    static Set<String> merged(List<LockedPackage> locked) {
        Map<String, List<LockedPackage>> byId = new java.util.TreeMap<>();
        for (LockedPackage p : locked) {
            byId.computeIfAbsent(p.name() + "@" + (p.version() == null ? "" : p.version()), key -> new ArrayList<>()).add(p);
        }
        Set<String> rows = new TreeSet<>();
        byId.forEach((id, copies) -> {
            boolean anyDirect = copies.stream().anyMatch(p -> Boolean.TRUE.equals(p.direct()));
            boolean unknown = copies.stream().allMatch(p -> p.direct() == null);
            boolean allDev = copies.stream().allMatch(p -> NpmProperties.SCOPE_DEV.equals(p.scope()));
            String relationship = unknown ? "Unknown" : anyDirect ? "Direct" : "Indirect";
            rows.add(id + " " + relationship + " dev=" + allDev);
        });
        return rows;
    }
}
