package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks pnpm-lock.yaml and yarn.lock parsing against Trivy's expectations in
 * {@code ../shared/fixtures/peer/trivy/nodejs/pnpm/EXPECTED.tsv} and
 * {@code ../shared/fixtures/peer/trivy/nodejs/yarn/EXPECTED.tsv} (columns: fixture, name, version,
 * relationship, dev, id). A blank dev cell is Trivy's default, false. A blank relationship means
 * that Trivy states none because its yarn fixtures have no package.json, so only name and version count.
 */
class TrivyPnpmAndYarnTest {

    private static final Pattern LOCKFILE_VERSION = Pattern.compile("(?m)^lockfileVersion: '?([0-9.]+)");
    private static final Path TRIVY = Path.of("../shared/fixtures/peer/trivy/nodejs");

    static Stream<Arguments> pnpmFixtures() {
        return PeerRows.groupedBy(TRIVY.resolve("pnpm/EXPECTED.tsv"), "fixture").entrySet().stream()
                .map(group -> Arguments.of(group.getKey(), group.getValue()));
    }

    static Stream<Arguments> yarnFixtures() {
        return PeerRows.groupedBy(TRIVY.resolve("yarn/EXPECTED.tsv"), "fixture").entrySet().stream()
                .map(group -> Arguments.of(group.getKey(), group.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pnpmFixtures")
    void shouldMatchTrivyPnpmExpectations(String fixture, List<Map<String, String>> expectedRows) throws IOException {
        String text = Files.readString(TRIVY.resolve("pnpm").resolve(fixture));
        List<LockedPackage> locked = new PnpmLockParser(fixture, skipped -> {}).parse(text);
        Matcher version = LOCKFILE_VERSION.matcher(text);
        boolean beforeVersion9 = version.find() && PnpmKeys.of(version.group(1)).major() < 9;

        List<String> actual = new ArrayList<>();
        for (LockedPackage p : locked) {
            // Trivy's tests of v5 and v6 lockfiles list production packages only, because its parser
            // drops packages marked dev there. We report them with scope=dev, so they are left out here.
            boolean trivyDropsDev = beforeVersion9 && NpmProperties.SCOPE_DEV.equals(p.scope());
            // The package manager's own install (the first document of pnpm 10 lockfiles) is not part
            // of the project; Trivy reads only the last document, and we mark those packages as tooling.
            if (trivyDropsDev || p.tooling()) {
                continue;
            }
            actual.add(p.name() + "@" + p.version() + " " + (p.direct() ? "Direct" : "Indirect") + " dev="
                    + NpmProperties.SCOPE_DEV.equals(p.scope()));
        }
        List<String> expected = expectedRows.stream()
                .map(row -> row.get("name") + "@" + row.get("version") + " " + row.get("relationship") + " dev="
                        + (row.get("dev").isEmpty() ? "false" : row.get("dev")))
                .toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yarnFixtures")
    void shouldMatchTrivyYarnExpectations(String fixture, List<Map<String, String>> expectedRows) throws IOException {
        String text = Files.readString(TRIVY.resolve("yarn").resolve(fixture));
        List<LockedPackage> locked = new YarnLockParser(fixture, skipped -> {}).parse(text, null);

        List<String> actual = new ArrayList<>();
        for (LockedPackage p : locked) {
            // Trivy leaves out packages resolved from git or local files. We keep them because they are
            // installed all the same, so the comparison covers registry packages only.
            if (isFromRegistry(p)) {
                actual.add(p.name() + "@" + p.version());
            }
        }
        List<String> expected = expectedRows.stream().map(row -> row.get("name") + "@" + row.get("version")).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static boolean isFromRegistry(LockedPackage p) {
        String resolved = p.resolved() == null ? "" : p.resolved();
        return resolved.startsWith("https://registry.") || resolved.contains("@npm:");
    }
}
