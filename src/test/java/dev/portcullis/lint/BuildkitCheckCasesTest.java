package dev.portcullis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.lint.rules.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the cases of BuildKit's {@code docker build --check} tests from
 * {@code ../shared/fixtures/lint/buildkit-check-cases.tsv} for the checks Portcullis implements: the
 * expected {@code Name@line} warnings of those checks must equal ours. Cases that need build
 * arguments or a .dockerignore file (which the fixture does not carry) are skipped, as are files
 * BuildKit itself rejects.
 */
class BuildkitCheckCasesTest {

    private static final Path CASES = Path.of("../shared/fixtures/lint/buildkit-check-cases.tsv");

    /**
     * Fixture lines whose expected line numbers do not fit the Dockerfile text stored beside them,
     * because BuildKit's test builds that file from a template. For these only the check names are compared.
     */
    private static final Map<Integer, String> LINE_MISMATCHES = Map.of(
            57, "UndefinedArgInFrom expected at line 4, but FROM is on line 2 of the stored text",
            58, "UndefinedArgInFrom expected at line 3, but FROM is on line 2 of the stored text",
            73, "LegacyKeyValueFormat expected at lines 3 and 4, but ENV and LABEL are on lines 5 and 6 of the stored text");

    private static final List<Rule> RULES = RuleCatalog.all();
    private static final Set<String> IMPLEMENTED = RULES.stream().flatMap(rule -> rule.info().buildkitName().stream())
            .collect(Collectors.toSet());

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(CASES);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] columns = lines.get(i).split("\t", -1);
            cases.add(Arguments.of(i + 1, columns[0], HadolintCasesTest.unescape(columns[2]), columns[3], columns[5]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "line {0}: {1} {3}")
    @MethodSource("cases")
    void shouldWarnLikeBuildkit(int line, String test, String dockerfile, String expected, String note) {
        Assumptions.assumeFalse(note.contains("FrontendAttrs") || note.contains("DockerIgnore"),
                "needs build arguments or a .dockerignore file that the fixture does not carry");
        Dockerfile parsed;
        try {
            parsed = new DockerfileReader().read("Dockerfile", dockerfile);
        } catch (ParseException e) {
            assertThat(note).as("rejected: %s", e.getMessage()).contains("expects build error");
            Assumptions.abort("BuildKit rejects this file too: " + e.getMessage());
            return;
        }

        LintConfig all = LintConfig.defaults().withAllRulesEnabled(RULES.stream().map(Rule::info).toList());
        List<String> ours = new Linter(RULES).lint(parsed, all).stream()
                .filter(finding -> finding.rule().buildkitName().isPresent())
                .map(finding -> finding.rule().buildkitName().get() + "@" + finding.range().startLine())
                .sorted().toList();
        List<String> theirs = Arrays.stream(expected.split(";")).filter(warning -> !warning.isBlank())
                .filter(warning -> IMPLEMENTED.contains(warning.substring(0, warning.indexOf('@'))))
                .sorted().toList();

        if (LINE_MISMATCHES.containsKey(line)) {
            assertThat(withoutLines(ours)).as("%s on %s", test, dockerfile).isEqualTo(withoutLines(theirs));
            return;
        }
        assertThat(ours).as("%s on %s", test, dockerfile).isEqualTo(theirs);
    }

    private static List<String> withoutLines(List<String> warnings) {
        return warnings.stream().map(warning -> warning.substring(0, warning.indexOf('@'))).toList();
    }
}
